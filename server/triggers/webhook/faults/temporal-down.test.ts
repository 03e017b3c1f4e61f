import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../../db/client";
import { runs } from "../../../../db/schema";
import { freePort } from "../../../../scripts/lib/ports";
import { startTemporalDevServer, type TemporalDevServer } from "../../../../scripts/lib/temporal";
import { startTestWorker } from "../../../../workflows/testing/harness";
import { newUser } from "../../../testing/users";
import { handleWebhook } from "../ingest";
import { activeHook, hookRequest, waitForHookRun } from "../testing";

// A Temporal of this file's own, so it can be stopped and started again without touching the shared one.
const root = path.resolve(import.meta.dirname, "../../../..");
let server: TemporalDevServer | undefined;
let port: number;
let worker: Awaited<ReturnType<typeof startTestWorker>> | undefined;
let user: Awaited<ReturnType<typeof newUser>>;
let hook: Awaited<ReturnType<typeof activeHook>>;
const acceptedDuringOutage: string[] = [];
let refused = "during-0";

const startTemporal = () => startTemporalDevServer({ port, headless: true, logFile: path.join(root, ".data", "logs", `temporal-down-${port}.log`) });
const send = (delivery: string) => handleWebhook(hookRequest(hook.hookId, { body: JSON.stringify({ delivery }), headers: { "idempotency-key": delivery } }), hook.hookId, { db: getDb() });
const runCount = async () => (await getDb().select({ id: runs.id }).from(runs).where(eq(runs.workflowId, hook.workflowId))).length;

beforeAll(async () => {
  port = await freePort();
  server = await startTemporal();
  process.env.TEMPORAL_ADDRESS = server.address;
  worker = await startTestWorker();
  user = await newUser("Outage");
  hook = await activeHook(user, {});
}, 120_000);
afterAll(async () => {
  await worker?.stop().catch(() => {});
  await server?.stop();
});

describe("Temporal unavailable", () => {
  it("acknowledges while Temporal is up", async () => {
    const res = await send("before");
    expect(res.status).toBe(202);
    await waitForHookRun(user, ((await res.json()) as { runId: string }).runId);
  });

  it("answers 503 with Retry-After once it is down, and keeps whatever it acknowledged before noticing", async () => {
    await worker!.stop();
    worker = undefined;
    await server!.stop();
    const started = Date.now();
    let res = await send("during-0");
    // The first delivery may still be acknowledged: it is committed, so it is not lost (the relay starts it later).
    for (let i = 1; res.status === 202; i++) {
      expect(i).toBeLessThan(4);
      acceptedDuringOutage.push(((await res.json()) as { runId: string }).runId);
      res = await send(`during-${i}`);
      refused = `during-${i}`;
    }
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ error: "Runs cannot be accepted right now; retry later" });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await runCount()).toBe(1 + acceptedDuringOutage.length);
  }, 60_000);

  it("answers 503 when Temporal was never reachable from this process", async () => {
    const saved = process.env.TEMPORAL_ADDRESS;
    process.env.TEMPORAL_ADDRESS = `127.0.0.1:${await freePort()}`;
    try {
      const res = await send("never");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
    } finally {
      process.env.TEMPORAL_ADDRESS = saved;
    }
  }, 60_000);

  it("accepts the sender's retry once Temporal is back, and that run completes", async () => {
    server = await startTemporal();
    worker = await startTestWorker();
    let res = await send(refused);
    // The client's channel reconnects on its own; give it a few tries as a sender would.
    for (let i = 0; i < 20 && res.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 500));
      res = await send(refused);
    }
    expect(res.status).toBe(202);
    const run = await waitForHookRun(user, ((await res.json()) as { runId: string }).runId);
    expect(run.status).toBe("succeeded");
    // What was acknowledged during the outage was started by the relay once Temporal was back.
    for (const runId of acceptedDuringOutage) expect((await waitForHookRun(user, runId)).status).toBe("succeeded");
    expect(await runCount()).toBe(2 + acceptedDuringOutage.length);
  }, 120_000);
});
