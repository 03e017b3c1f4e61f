import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { log } from "../log";

/**
 * Why a user's sessions were ended; logged, so an operator can tell a sign-out from a demotion. The `mail` work
 * (password change and reset) passes "password-change" and "password-reset".
 */
export type SessionEndReason =
  | "sign-out"
  | "sign-out-everywhere"
  | "password-change"
  | "password-reset"
  | "workspace-role-change"
  | "workspace-removal"
  | "platform-role-change";

/** A database or a transaction: a caller that changes a password ends the sessions in the same transaction. */
type Writer = Pick<Database, "update">;

/**
 * Ends every session of a user at once, in every web process: the JWTs they hold carry the old session version,
 * which the next request compares with the row (userForSession) and refuses. Returns false when no such user.
 */
export async function endSessions(db: Writer, userId: string, reason: SessionEndReason): Promise<boolean> {
  const ended = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ version: users.sessionVersion });
  if (ended.length > 0) log.info({ userId, reason, sessionVersion: ended[0]!.version }, "sessions ended");
  return ended.length > 0;
}

/** The version a session issued now carries (read at sign-in); null when the user is gone. */
export async function currentSessionVersion(db: Database, userId: string): Promise<number | null> {
  const row = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { sessionVersion: true } });
  return row?.sessionVersion ?? null;
}

/** What a session cookie claims: the user, and the session version it was issued under (null: issued before versions). */
export type SessionClaims = { userId: string; version: number | null };

export type SessionUser = { id: string; email: string; name: string; platformRole: "user" | "developer" | "admin" };

/**
 * Who a request is from. `ended` is true when the cookie names a user whose sessions have been ended since it was
 * issued (sign-out, sign out everywhere, a role change ...), so the API can say so rather than just "sign in".
 */
export type SignedIn = { user: SessionUser | null; ended: boolean };

export const SIGNED_OUT: SignedIn = Object.freeze({ user: null, ended: false });

/**
 * The user a session belongs to, if the session is still current: one read by primary key, the same read that
 * loads the user for the request, so checking the version costs nothing extra.
 */
export async function userForSession(db: Database, claims: SessionClaims | null): Promise<SignedIn> {
  if (!claims) return SIGNED_OUT;
  const row = await db.query.users.findFirst({
    where: eq(users.id, claims.userId),
    columns: { id: true, email: true, name: true, platformRole: true, sessionVersion: true },
  });
  if (!row) return SIGNED_OUT;
  const { sessionVersion, ...user } = row;
  if (claims.version !== sessionVersion) return { user: null, ended: true };
  return { user, ended: false };
}
