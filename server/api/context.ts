import { eq } from "drizzle-orm";
import { getDb, type Database } from "../../db/client";
import { users } from "../../db/schema";
import { log, type Logger } from "../log";

export type SessionUser = { id: string; email: string; name: string; platformRole: "user" | "developer" | "admin" };

export type Context = {
  db: Database;
  requestId: string;
  log: Logger;
  /** The signed-in user, re-read from the database on every request; null when signed out or deleted. */
  user: SessionUser | null;
};

export async function loadUser(db: Database, userId: string | null): Promise<SessionUser | null> {
  if (!userId) return null;
  const row = await db.query.users.findFirst({
    where: eq(users.id, userId),
    columns: { id: true, email: true, name: true, platformRole: true },
  });
  return row ?? null;
}

/** Builds a context for a user id, as the HTTP handler does after reading the session, and as tests do directly. */
export async function contextForUser(userId: string | null, requestId: string = crypto.randomUUID()): Promise<Context> {
  const db = getDb();
  return { db, requestId, log: log.child({ requestId }), user: await loadUser(db, userId) };
}
