import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";

/** The Postgres channel on which the outbox relay (in the worker) waits for newly accepted deliveries. */
export const OUTBOX_CHANNEL = "junction_webhook_outbox";

// At most one NOTIFY per window: a burst of acknowledgements costs one per window, not one per delivery.
const WINDOW_MS = 20;
let lastSent = 0;
let timer: NodeJS.Timeout | null = null;

/**
 * Tells the relay, after the fact, that deliveries were committed. Its own tiny transaction, after the commit: a
 * NOTIFY inside the acknowledging transaction would serialise every acknowledgement's commit behind Postgres's
 * notify-queue lock. The first delivery after a quiet spell notifies at once (so a lone delivery starts within
 * milliseconds); the rest of a window share one notification at its end. A lost notification only delays a start
 * until the relay's next poll (at most a second).
 */
export function notifyOutbox(db: Database): void {
  if (timer) return;
  const send = () => {
    timer = null;
    lastSent = Date.now();
    db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`).catch(() => {});
  };
  const wait = lastSent + WINDOW_MS - Date.now();
  if (wait <= 0) return send();
  timer = setTimeout(send, wait);
  timer.unref();
}
