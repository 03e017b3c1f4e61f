import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { accounts, users } from "../../db/schema";
import { createUser } from "./users";

export type GitHubProfile = { providerAccountId: string; email: string | null | undefined; name?: string | null; image?: string | null };

/**
 * Finds the user for a GitHub identity: an existing link, else an account with the same (GitHub-verified)
 * email, which is then linked, else a new user with a personal workspace. Returns null when GitHub gave no email.
 */
export async function userForGitHub(db: Database, p: GitHubProfile): Promise<{ id: string } | null> {
  const linked = await db.query.accounts.findFirst({
    where: and(eq(accounts.provider, "github"), eq(accounts.providerAccountId, p.providerAccountId)),
  });
  if (linked) return { id: linked.userId };
  const email = p.email?.trim().toLowerCase();
  if (!email) return null;
  const existing = await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } });
  const user =
    existing ??
    (await createUser(db, { email, name: p.name?.trim() || email.split("@")[0]!, passwordHash: null, image: p.image ?? null })).user;
  await db
    .insert(accounts)
    .values({ userId: user.id, provider: "github", providerAccountId: p.providerAccountId })
    .onConflictDoNothing();
  return { id: user.id };
}
