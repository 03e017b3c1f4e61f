import { setTimeout as sleep } from "node:timers/promises";

/** How long step recording keeps trying while Postgres is away (a restart, a failover) before giving up. */
export const DB_RETRY_DEADLINE_MS = 120_000;

// SQLSTATE classes that will fail the same way again: data (22), constraints (23), syntax/permissions (42).
const PERMANENT = /^(22|23|42)/;

function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/**
 * Runs a database write, retrying connection-level failures with backoff. Step bookkeeping must survive a
 * Postgres restart without failing the activity: failing it would run the action again on retry.
 */
export async function withDbRetry<T>(fn: () => Promise<T>, deadlineMs = DB_RETRY_DEADLINE_MS): Promise<T> {
  const deadline = performance.now() + deadlineMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      return await fn();
    } catch (err) {
      const code = sqlState(err);
      if ((code && PERMANENT.test(code)) || performance.now() + delay > deadline) throw err;
      await sleep(delay);
    }
  }
}
