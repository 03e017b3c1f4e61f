import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "../../../db/client";
import { runs, webhookDeliveries, workflows } from "../../../db/schema";
import { startTestWorker } from "../../../workflows/testing/harness";
import { newUser } from "../../testing/users";
import { runIdFor } from "./accept";
import { findEndpoint } from "./endpoint";
import { notifyOutbox, OUTBOX_CHANNEL } from "./outbox-notify";
import { startOutboxRelay, type OutboxRelay } from "./outbox-relay";
import { activeHook, waitForHookRun } from "./testing";

// The worker of this file runs no relay of its own: each test starts the relays it needs, with its own timing.
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let user: Awaited<ReturnType<typeof newUser>>;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  worker = await startTestWorker({ outboxRelay: false });
  user = await newUser("Relay");
}, 120_000);
// Each test's relays stop with it, so the next test counts only its own.
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});
afterAll(() => worker?.stop());

function relay(options: { pollMs: number; batch?: number; started?: (n: number) => void; rounds?: () => void }) {
  const r = startOutboxRelay({
    db: getDb(),
    pool: getPool(),
    taskQueue: worker.taskQueue,
    pollMs: options.pollMs,
    batch: options.batch,
    onRound: ({ started }) => {
      options.started?.(started);
      options.rounds?.();
    },
  });
  relays.push(r);
  return r;
}

/** Exactly what acceptDelivery commits for a delivery: the outbox row and the run row, and nothing else. */
async function commitDelivery(hookId: string, deliveryId: string, body: unknown) {
  const ep = (await findEndpoint(getDb(), hookId))!;
  const runId = runIdFor(hookId, deliveryId);
  await getDb().insert(runs).values({ id: runId, workspaceId: ep.workspaceId, workflowId: ep.workflowId, workflowVersionId: ep.versionId, trigger: { kind: "webhook", body } });
  await getDb().insert(webhookDeliveries).values({ hookId, deliveryId, runId });
  return runId;
}

const startedAt = async (runId: string) => (await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.runId, runId)))[0]?.startedAt ?? null;

describe("the webhook outbox relay", () => {
  it("starts a delivery that was committed but never announced (a crash between commit and notify) on its next poll", async () => {
    const hook = await activeHook(user, {});
    const runId = await commitDelivery(hook.hookId, "orphan", { orphan: true });
    relay({ pollMs: 200 });
    expect((await waitForHookRun(user, runId, 30_000)).steps[0]!.output).toMatchObject({ got: { orphan: true } });
    await expect.poll(() => startedAt(runId), { timeout: 5_000 }).toBeInstanceOf(Date);
  });

  it("is woken by the acknowledging process's notification instead of waiting for its poll", async () => {
    const hook = await activeHook(user, {});
    let rounds = 0;
    // A poll far beyond this test's timeout: only the notification can make it start the run in time.
    relay({ pollMs: 600_000, rounds: () => (rounds += 1) });
    await expect.poll(() => rounds, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const runId = await commitDelivery(hook.hookId, "announced", { announced: true });
    notifyOutbox(getDb());
    expect((await waitForHookRun(user, runId, 20_000)).status).toBe("succeeded");
  }, 30_000);

  it("shares the outbox between relays without starting a delivery twice, and drops deliveries whose workflow is gone", async () => {
    const hook = await activeHook(user, {});
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => commitDelivery(hook.hookId, `shared-${i}`, { i })));
    // A delivery accepted just before its workflow was deleted: the run row went with the workflow.
    const gone = await activeHook(user, {});
    const goneRun = await commitDelivery(gone.hookId, "gone", {});
    await getDb().delete(workflows).where(eq(workflows.id, gone.workflowId));
    let started = 0;
    // Small batches, so both relays are claiming at the same time.
    relay({ pollMs: 100, batch: 5, started: (n) => (started += n) });
    relay({ pollMs: 100, batch: 5, started: (n) => (started += n) });
    await expect.poll(async () => (await getDb().select().from(webhookDeliveries).where(inArray(webhookDeliveries.runId, ids))).every((d) => d.startedAt), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => startedAt(goneRun), { timeout: 5_000 }).toBeInstanceOf(Date);
    // Each delivery was claimed by exactly one relay: 60 starts plus the dropped one, never 62 or more.
    expect(started).toBe(61);
    for (const runId of ids.slice(0, 5)) expect((await waitForHookRun(user, runId)).status).toBe("succeeded");
  }, 60_000);

  it("survives its LISTEN connection being cut (twice), listens again at once, and raises nothing uncaught through the cuts and stop()", async () => {
    const hook = await activeHook(user, {});
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      let rounds = 0;
      // Only a notification can start the run in time: the relay must be LISTENing again after each cut.
      const r = relay({ pollMs: 600_000, rounds: () => (rounds += 1) });
      const listening = () => getDb().execute(sql`select pid from pg_stat_activity where query = ${`listen ${OUTBOX_CHANNEL}`} and pid <> pg_backend_pid()`);
      for (let cut = 1; cut <= 2; cut++) {
        await expect.poll(async () => (await listening()).rows.length, { timeout: 15_000 }).toBe(1);
        const before = rounds;
        await getDb().execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query = ${`listen ${OUTBOX_CHANNEL}`} and pid <> pg_backend_pid()`);
        // The cut wakes the loop (a round, then LISTEN again) instead of leaving it deaf until its next poll.
        await expect.poll(() => rounds, { timeout: 15_000 }).toBeGreaterThan(before);
      }
      await expect.poll(async () => (await listening()).rows.length, { timeout: 15_000 }).toBe(1);
      const runId = await commitDelivery(hook.hookId, "after-cuts", { cut: true });
      notifyOutbox(getDb());
      expect((await waitForHookRun(user, runId, 20_000)).status).toBe("succeeded");
      relays.splice(relays.indexOf(r), 1);
      await r.stop();
      // The destroyed client's late events after stop() must not release it a second time (pg-pool throws).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(uncaught).toEqual([]);
      expect((await listening()).rows.length).toBe(0);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  }, 90_000);
});
