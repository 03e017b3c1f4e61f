import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, users, workspaces } from "../../db/schema";
import { fieldError } from "../errors";
import { hashPassword } from "./password";
import { signUpInput, type SignUpInput } from "./policy";

export type NewUser = { email: string; name: string; passwordHash: string | null; image?: string | null };

/**
 * Creates a user with their personal workspace (as owner). The very first account on a fresh install becomes
 * platform admin; an advisory lock makes "first" exact even when two sign-ups race.
 */
export async function createUser(db: Database, input: NewUser) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('junction:create-user'))`);
    const taken = await tx.query.users.findFirst({ where: eq(users.email, input.email), columns: { id: true } });
    if (taken) throw fieldError("email", "An account with this email already exists. Sign in instead.", "CONFLICT");
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    const [user] = await tx
      .insert(users)
      .values({ ...input, platformRole: count === 0 ? "admin" : "user" })
      .returning();
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: `${input.name.split(" ")[0]}'s workspace`, personal: true, createdBy: user!.id })
      .returning();
    await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: "owner" });
    return { user: user!, workspace: workspace! };
  });
}

/** Email + password sign-up; input problems come back per field. */
export async function signUp(db: Database, raw: SignUpInput) {
  const input = signUpInput.parse(raw);
  const { user } = await createUser(db, {
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  return { id: user.id, email: user.email, name: user.name };
}
