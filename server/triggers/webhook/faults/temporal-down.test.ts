import path from "node:path";
import { NativeConnection } from "@temporalio/worker";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../../db/client";
import { runs } from "../../../../db/schema";
import { freePort } from "../../../../scripts/lib/ports";
import { startTemporalDevServer, type TemporalDevServer } from "../../../../scripts/lib/temporal";
import { createWorker } from "../../../../workflows/worker";
import { startTestWorker } from "../../../../workflows/testing/harness";
import { newUser } from "../../../testing/users";
import { handleWebhook } from "../ingest";
import { activeHook, hookRequest, waitForHookRun } from "../testing";

// A Temporal of this file's own, so it can be stopped and started again without touching the shared one.
const root = path.resolve(import.meta.dirname, "../../../..");
let server: TemporalDevServer | undefined;
let port: number;
let stopWorker: (() => Promise<void>) | undefined;
let user: Awaited<ReturnType<typeof newUser>>;
let hook: Awaited<ReturnType<typeof activeHook>>;
const acceptedDuringOutage: string[] = [];
let refused = "";

const startTemporal = () => startTemporalDevServer({ port, headless: true, logFile: path.join(root, ".data", "logs", `temporal-down-${port}.log`) });
const send = (delivery: string) => handleWebhook(hookRequest(hook.hookId, { body: JSON.stringify({ delivery }), headers: { "idempotency-key": delivery } }), hook.hookId, { db: getDb() });
const runCount = async () => (await getDb().select({ id: runs.id }).from(runs).where(eq(runs.workflowId, hook.workflowId))).length;

/** A worker on the task queue the runs were started on (startTestWorker would pick a new one). */
async function workerOnSameQueue() {
  const connection = await NativeConnection.connect({ address: server!.address });
  const worker = await createWorker({ connection, namespace: "default", taskQueue: process.env.TEMPORAL_TASK_QUEUE! });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
}

beforeAll(async () => {
  port = await freePort();
  server = await startTemporal();
  process.env.TEMPORAL_ADDRESS = server.address;
  stopWorker = (await startTestWorker()).stop;
  user = await newUser("Outage");
  hook = await activeHook(user, {});
}, 120_000);
afterAll(async () => {
  await stopWorker?.().catch(() => {});
  await server?.stop();
});

describe("Temporal unavailable", () => {
  it("acknowledges while Temporal is up", async () => {
    const res = await send("before");
    expect(res.status).toBe(202);
    expect((await waitForHookRun(user, ((await res.json()) as { runId: string }).runId)).status).toBe("succeeded");
  });

  it("answers 503 with Retry-After within seconds of an outage; what it acknowledged before noticing is committed", async () => {
    await stopWorker!();
    stopWorker = undefined;
    await server!.stop();
    const started = Date.now();
    let res: Response;
    for (let i = 0; ; i++) {
      refused = `during-${i}`;
      res = await send(refused);
      if (res.status !== 202) break;
      // Acknowledged: its outbox row is committed, so it is not lost (the relay starts it once Temporal is back).
      acceptedDuringOutage.push(((await res.json()) as { runId: string }).runId);
      expect(Date.now() - started).toBeLessThan(15_000);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ error: "Runs cannot be accepted right now; retry later" });
    // Nothing refused was recorded; everything acknowledged was.
    expect(await runCount()).toBe(1 + acceptedDuringOutage.length);
    // While it stays down, every delivery is refused.
    expect((await send("during-again")).status).toBe(503);
  }, 60_000);

  it("accepts the sender's retry once Temporal is back, and runs everything it acknowledged", async () => {
    server = await startTemporal();
    stopWorker = await workerOnSameQueue();
    let res = await send(refused);
    // The client's channel reconnects on its own; retry as a sender would.
    for (let i = 0; i < 40 && res.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 500));
      res = await send(refused);
    }
    expect(res.status).toBe(202);
    expect((await waitForHookRun(user, ((await res.json()) as { runId: string }).runId)).status).toBe("succeeded");
    // Acknowledged during the outage: started by the relay's sweeper once Temporal answered again.
    for (const runId of acceptedDuringOutage) expect((await waitForHookRun(user, runId)).status).toBe("succeeded");
    expect(await runCount()).toBe(2 + acceptedDuringOutage.length);
  }, 120_000);
});
