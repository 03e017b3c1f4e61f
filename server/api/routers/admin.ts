import { asc } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../../db/schema";
import { setPlatformRole } from "../../admin/platform-roles";
import { DomainError } from "../../errors";
import { readOutbox } from "../../mail/outbox";
import { adminProcedure, router } from "../trpc";

export const adminRouter = router({
  /** Mail kept instead of sent (no SMTP_URL): live reset and invitation links, hence platform admins only. */
  outbox: adminProcedure.query(({ ctx }) => readOutbox(ctx.db)),
  users: adminProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: users.id, email: users.email, name: users.name, platformRole: users.platformRole, createdAt: users.createdAt })
      .from(users)
      .orderBy(asc(users.createdAt)),
  ),
  setPlatformRole: adminProcedure
    .input(z.object({ userId: z.uuid(), role: z.enum(["user", "developer", "admin"]) }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id && input.role !== "admin") {
        throw new DomainError("BAD_REQUEST", "You cannot remove your own admin role; ask another admin.");
      }
      return setPlatformRole(ctx.db, input.userId, input.role);
    }),
});
