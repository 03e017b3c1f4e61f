import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../../db/schema";
import { endSessions } from "../../auth/sessions";
import { changePassword } from "../../auth/password-change";
import { nameSchema, passwordSchema } from "../../auth/policy";
import { protectedProcedure, router } from "../trpc";

export const meRouter = router({
  get: protectedProcedure.query(({ ctx }) => ctx.user),
  updateProfile: protectedProcedure.input(z.object({ name: nameSchema })).mutation(async ({ ctx, input }) => {
    await ctx.db.update(users).set({ name: input.name, updatedAt: new Date() }).where(eq(users.id, ctx.user.id));
    return { ...ctx.user, name: input.name };
  }),
  /** Ends every session of the caller, this one included (a lost laptop, a shared machine); the client then signs out. */
  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await endSessions(ctx.db, ctx.user.id, "sign-out-everywhere");
    return { ended: true };
  }),
  changePassword: protectedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password").max(200, "Use at most 200 characters"), newPassword: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.user.id, input.currentPassword, input.newPassword, ctx.log);
      // Every session ended, this one too: the form signs this browser in again with the new password.
      return { changed: true as const, email: ctx.user.email };
    }),
});
