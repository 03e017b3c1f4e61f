import { desc, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { env } from "../env";

/** Outbox mail is kept this long: every link in it has expired by then (invitations last 7 days). */
export const OUTBOX_KEEP_DAYS = 8;
const SHOWN = 50;

/** The newest outbox mail for /admin/outbox, and whether mail is going out by SMTP instead. */
export async function readOutbox(db: Database) {
  const mail = await db
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(SHOWN);
  return { smtp: Boolean(env().SMTP_URL), mail };
}

export async function pruneOutbox(db: Database): Promise<void> {
  await db.delete(mailOutbox).where(lt(mailOutbox.createdAt, sql`now() - make_interval(days => ${OUTBOX_KEEP_DAYS})`));
}
