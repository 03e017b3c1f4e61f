import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";

/** The Postgres channel on which the outbox relay (in the worker) waits for newly accepted deliveries. */
export const OUTBOX_CHANNEL = "junction_webhook_outbox";

// Coalescing window: a burst of acknowledgements costs one NOTIFY per window, not one per delivery.
const WINDOW_MS = 20;
let timer: NodeJS.Timeout | null = null;

/**
 * Tells the relay, after the fact, that deliveries were committed. Its own tiny transaction, sent after the answer:
 * a NOTIFY inside the acknowledging transaction would serialise every acknowledgement's commit behind Postgres's
 * notify-queue lock. A lost notification only delays a start until the relay's next poll (at most a second).
 */
export function notifyOutbox(db: Database): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`).catch(() => {});
  }, WINDOW_MS);
  timer.unref();
}
