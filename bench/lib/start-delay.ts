import type pg from "pg";
import { percentile } from "./engine";

/**
 * How long accepted deliveries waited between their acknowledgement (the outbox row's received_at) and Temporal
 * accepting their start (started_at, set by the worker's outbox relay), for deliveries received after `since`.
 */
export async function startDelays(client: pg.ClientBase, since: Date): Promise<{ n: number; p50: number; p95: number; max: number; unstarted: number }> {
  const { rows } = await client.query<{ ms: number | null }>("select extract(epoch from (started_at - received_at)) * 1000 as ms from webhook_deliveries where received_at >= $1", [since]);
  const started = rows.filter((r) => r.ms !== null).map((r) => Number(r.ms)).sort((a, b) => a - b);
  return { n: rows.length, p50: percentile(started, 50), p95: percentile(started, 95), max: started.at(-1) ?? NaN, unstarted: rows.length - started.length };
}

/** Waits until every delivery received so far has been started (the relay has caught up), at most `timeoutMs`. */
export async function waitForOutboxDrained(client: pg.ClientBase, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ n: string }>("select count(*) as n from webhook_deliveries where started_at is null");
    if (Number(rows[0]!.n) === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}
