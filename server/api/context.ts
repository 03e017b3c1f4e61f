import { eq } from "drizzle-orm";
import { getDb, type Database } from "../../db/client";
import { users } from "../../db/schema";
import type { SessionUser, SignedIn } from "../auth/sessions";
import { log, type Logger } from "../log";

export type { SessionUser } from "../auth/sessions";

export type Context = {
  db: Database;
  requestId: string;
  log: Logger;
  /** The signed-in user, re-read from the database on every request; null when signed out, deleted or the session ended. */
  user: SessionUser | null;
  /** The request carried a session that has been ended (signed out, or their access changed): say so, not just "sign in". */
  sessionEnded: boolean;
};

export async function loadUser(db: Database, userId: string | null): Promise<SessionUser | null> {
  if (!userId) return null;
  const row = await db.query.users.findFirst({
    where: eq(users.id, userId),
    columns: { id: true, email: true, name: true, platformRole: true },
  });
  return row ?? null;
}

/** The context of a request whose session was read and checked (server/auth.ts currentUser). */
export function contextFor(signedIn: SignedIn, requestId: string = crypto.randomUUID()): Context {
  return { db: getDb(), requestId, log: log.child({ requestId }), user: signedIn.user, sessionEnded: signedIn.ended };
}

/** Signed in as this user, without a session to check: for tests, benches and scripts that act as a user directly. */
export async function signedInAs(userId: string | null): Promise<SignedIn> {
  return { user: await loadUser(getDb(), userId), ended: false };
}

/** A context acting as a user id directly (no session cookie), as tests and scripts do. */
export async function contextForUser(userId: string | null, requestId: string = crypto.randomUUID()): Promise<Context> {
  return contextFor(await signedInAs(userId), requestId);
}
