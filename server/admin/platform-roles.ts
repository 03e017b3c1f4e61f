import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { emailSchema } from "../auth/policy";
import { DomainError } from "../errors";

export type PlatformRole = "user" | "developer" | "admin";

/** Sets a user's platform role by email (used by `npm run admin -- grant <email>`). */
export async function setPlatformRoleByEmail(db: Database, rawEmail: string, role: PlatformRole) {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", `"${rawEmail}" is not an email address.`);
  const [user] = await db.update(users).set({ platformRole: role, updatedAt: new Date() }).where(eq(users.email, parsed.data)).returning({ email: users.email, name: users.name });
  if (!user) throw new DomainError("NOT_FOUND", `No account uses ${parsed.data}. They must sign up first.`);
  return { ...user, role };
}
