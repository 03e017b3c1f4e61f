import { z } from "zod";
import { emailSchema, linkTokenSchema, passwordSchema, signUpInput } from "../../auth/policy";
import { requestPasswordReset, resetPassword } from "../../auth/password-reset";
import { signUp } from "../../auth/users";
import { githubEnabled } from "../../auth";
import { publicProcedure, router } from "../trpc";

export const authRouter = router({
  /** Creates the account and its personal workspace; the client then signs in through next-auth. */
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  /** Which sign-in methods this install offers, so the sign-in page shows only working buttons. */
  providers: publicProcedure.query(() => ({ github: githubEnabled() })),
  /** Mails a reset link if an account uses the address; the answer is the same either way. */
  requestPasswordReset: publicProcedure.input(z.object({ email: emailSchema })).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, input.email, ctx.log);
    return { sent: true as const };
  }),
  /** Sets a new password with the token from a reset link (single use). */
  resetPassword: publicProcedure
    .input(z.object({ token: linkTokenSchema, password: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input.token, input.password);
      return { reset: true as const };
    }),
});
