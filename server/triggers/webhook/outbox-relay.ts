import { inArray, sql } from "drizzle-orm";
import type pg from "pg";
import type { Database } from "../../../db/client";
import { decodeStorable } from "../../../db/json";
import { webhookDeliveries } from "../../../db/schema";
import type { AutomationInput } from "../../../workflows/interpreter/types";
import { OUTBOX_CHANNEL } from "./outbox-notify";
import { startDeliveryRun, type StartOutcome } from "./start-run";

/**
 * The outbox relay: starts the runs of accepted webhook deliveries in Temporal. It runs in the worker, not in the
 * process that acknowledges deliveries: a start costs gRPC, protobuf and payload encryption, and measured on 2 cores
 * (bench/webhook-ack.ts) that work stalled the acknowledging event loop for tens of milliseconds at 200 req/s. The
 * worker runs at lower CPU priority under npm start, so acknowledgements come first and runs follow.
 *
 * It wakes on a NOTIFY from the acknowledging process (outbox-notify.ts) and polls once a second besides, so a lost
 * notification, a crash or a Temporal outage only delays starts. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several workers share the outbox without starting one delivery twice (and Temporal would refuse it anyway).
 */
export type OutboxRelayOptions = {
  db: Database;
  /** The pool the database object was made from: the relay keeps one client of it for LISTEN. */
  pool: pg.Pool;
  taskQueue: string;
  pollMs?: number;
  /**
   * Least time between two rounds unless the last one claimed a full batch: under a steady stream of deliveries a
   * round per notification would cost a transaction (and an fsync) per delivery, competing with acknowledgements.
   */
  gatherMs?: number;
  /** Rows claimed per transaction; a full batch is followed by the next at once. */
  batch?: number;
  /** Starts in flight at once. */
  concurrency?: number;
  /** Called with how many starts each round made (tests). */
  onRound?: (round: { started: number }) => void;
};

export type OutboxRelay = { stop(): Promise<void> };

type Row = AutomationInput & { id: string; missing: boolean };

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, pool, taskQueue, pollMs = 1_000, gatherMs = 50, batch = 100, concurrency = 8, onRound } = options;
  let stopped = false;
  // Set by a notification that arrives while a round runs, so the loop goes round again instead of sleeping.
  let nudged = false;
  let wake: (() => void) | null = null;
  let listener: pg.PoolClient | null = null;
  let releaseListener: () => void = () => {};
  const nudge = () => {
    nudged = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (nudged || stopped) return resolve();
      const t = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(t);
        wake = null;
        resolve();
      };
      wake = done;
    });

  async function listen(): Promise<void> {
    if (listener || stopped) return;
    let client: pg.PoolClient | undefined;
    let released = false;
    // Released once, whoever comes first: an error event (it can come more than once, and after stop() released the
    // client), the failed LISTEN below, or stop(). pg-pool throws on a second release, and thrown from the error
    // event it was an uncaught exception that took the worker down (seen in a fresh-clone test run).
    const releaseOnce = () => {
      if (released || !client) return;
      released = true;
      if (listener === client) listener = null;
      client.release(true);
      // Go round at once: LISTEN again and poll for what was announced while nobody listened, instead of staying
      // deaf until the next poll. A Postgres that is away fails that round, which then waits the full interval.
      nudge();
    };
    try {
      client = await pool.connect();
      client.on("notification", nudge);
      // A dropped connection ends the LISTEN: release it and listen again on the next round (the poll covers the gap).
      client.on("error", releaseOnce);
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      if (released) return;
      listener = client;
      releaseListener = releaseOnce;
    } catch {
      // Postgres is away: the loop's poll retries.
      releaseOnce();
    }
  }

  /** One transaction: claim a batch of unstarted deliveries, start them, mark the started ones. */
  async function round(): Promise<{ claimed: number; started: number; failed: StartOutcome | null }> {
    return db.transaction(async (tx) => {
      const rows = (
        await tx.execute(sql`
          select d.id, d.run_id as "runId", r.workspace_id as "workspaceId", r.trigger, v.graph, r.id is null as missing
          from webhook_deliveries d
          left join runs r on r.id = d.run_id
          left join workflow_versions v on v.id = r.workflow_version_id
          where d.started_at is null
          order by d.received_at
          limit ${batch}
          for update of d skip locked`)
      ).rows as Row[];
      const done: string[] = [];
      let failed: StartOutcome | null = null;
      let next = 0;
      const lane = async () => {
        while (failed === null && next < rows.length) {
          const row = rows[next++]!;
          // The run row is gone with its workflow (deleted after the delivery was accepted): nothing left to start.
          const outcome = row.missing ? "started" : await startDeliveryRun({ runId: row.runId, workspaceId: row.workspaceId, graph: row.graph, trigger: decodeStorable(row.trigger) }, taskQueue);
          if (outcome === "started") done.push(row.id);
          else failed = outcome;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
      if (done.length > 0) await tx.update(webhookDeliveries).set({ startedAt: sql`now()` }).where(inArray(webhookDeliveries.id, done));
      return { claimed: rows.length, started: done.length, failed };
    });
  }

  const loop = (async () => {
    while (!stopped) {
      await listen();
      nudged = false;
      const began = Date.now();
      const full = await round().then(
        (r) => {
          onRound?.({ started: r.started });
          // After a failure, wait the full interval however many deliveries are announced: Temporal is away or slow.
          if (r.failed) nudged = false;
          return r.claimed === batch && r.failed === null;
        },
        () => {
          // Postgres unreachable or the transaction failed: nothing was marked; wait, then try again.
          nudged = false;
          return false;
        },
      );
      if (full || stopped) continue;
      await sleep(pollMs);
      const since = Date.now() - began;
      if (since < gatherMs && !stopped) await new Promise((r) => setTimeout(r, gatherMs - since));
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      // Destroyed, not returned: a pooled connection would go on LISTENing for whoever borrows it next.
      releaseListener();
      listener = null;
    },
  };
}
