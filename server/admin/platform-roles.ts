import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { emailSchema } from "../auth/policy";
import { endSessions } from "../auth/sessions";
import { DomainError } from "../errors";

export type PlatformRole = "user" | "developer" | "admin";

/** Higher is more access. */
const RANK: Record<PlatformRole, number> = { user: 0, developer: 1, admin: 2 };

/**
 * Sets a user's platform role. A demotion ends their sessions: a session issued as admin (perhaps held by someone
 * else) must not keep the access it was issued with. A promotion does not (every request reads the role afresh,
 * and someone just made admin should not be signed out for it). Null when there is no such user.
 */
async function setRole(db: Database, where: ReturnType<typeof eq>, role: PlatformRole) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ id: users.id, role: users.platformRole }).from(users).where(where).for("update");
    if (!before) return null;
    const [user] = await tx.update(users).set({ platformRole: role, updatedAt: new Date() }).where(eq(users.id, before.id)).returning({ id: users.id, email: users.email, name: users.name });
    if (RANK[role] < RANK[before.role as PlatformRole]) await endSessions(tx, before.id, "platform-role-change");
    return user!;
  });
}

/** Sets a user's platform role by id (the admin page). */
export async function setPlatformRole(db: Database, userId: string, role: PlatformRole) {
  const user = await setRole(db, eq(users.id, userId), role);
  if (!user) throw new DomainError("NOT_FOUND", "No such user.");
  return { userId: user.id, role };
}

/** Sets a user's platform role by email (used by `npm run admin -- grant <email>`). */
export async function setPlatformRoleByEmail(db: Database, rawEmail: string, role: PlatformRole) {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", `"${rawEmail}" is not an email address.`);
  const user = await setRole(db, eq(users.email, parsed.data), role);
  if (!user) throw new DomainError("NOT_FOUND", `No account uses ${parsed.data}. They must sign up first.`);
  return { email: user.email, name: user.name, role };
}
