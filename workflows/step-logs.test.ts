import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { runs, runSteps } from "../db/schema";
import { createSandboxHost, type SandboxHost } from "../integrations/runtime";
import { newUser } from "../server/testing/users";
import { DEFAULT_LOG_CAPS } from "./activities/step-logs";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";
import { installProbe, probeNode, storeProbe } from "./testing/probe";

/**
 * ctx.log volume in real runs (Temporal, Postgres, the sandbox, the probe integration): a step stores at most
 * JUNCTION_STEP_LOG_BYTES of log lines and a run at most JUNCTION_RUN_LOG_BYTES, each with a marker line for
 * what was dropped. Sizes are those of each line's JSON text, as the caps count them.
 */
type User = Awaited<ReturnType<typeof newUser>>;
let alice: User;
let sandbox: SandboxHost;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  alice = await newUser("Logs");
  await installProbe(getDb(), alice.personalWorkspaceId, await storeProbe(getDb()));
  sandbox = createSandboxHost({ allowLoopbackForTests: true, processes: 1 });
  worker = await startTestWorker({ deps: { db: getDb(), sandbox } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await sandbox?.close();
});

type Line = { level: string; message: string; data?: unknown; at: string };
const bytesOf = (lines: Line[]) => lines.reduce((n, line) => n + Buffer.byteLength(JSON.stringify(line)), 0);
const storedLogs = async (runId: string) => (await getDb().select({ stepKey: runSteps.stepKey, logs: runSteps.logs }).from(runSteps).where(eq(runSteps.runId, runId))).map((r) => ({ stepKey: r.stepKey, logs: (r.logs ?? []) as Line[] }));

async function start(nodes: unknown[], edges: unknown[], input: Record<string, unknown> = {}) {
  const { workspaceId, workflowId } = await publishGraph(alice, { schemaVersion: 1, nodes: [g.trigger(), ...nodes], edges });
  const { runId } = await alice.caller.run.start({ workspaceId, workflowId, input });
  return waitForRun(alice, runId, 120_000);
}

describe("step log volume", () => {
  it("a step logging 10 MB stores at most the step cap plus one marker line saying how much was dropped", async () => {
    // 200 lines of 50 KB text, each also as data: ~20 MB asked for (the sandbox clips each line on its way out).
    const r = await start([probeNode("chatty", "chatty", { lines: 200, bytes: 50_000 })], g.chain("start", "chatty"));
    expect(r.status).toBe("succeeded");
    const [step] = await storedLogs(r.id);
    const logs = step!.logs;
    const marker = logs.at(-1)!;
    expect(marker).toMatchObject({ level: "warn", message: expect.stringMatching(/^\d+ bytes of logs dropped \(limit JUNCTION_STEP_LOG_BYTES = 65536 bytes per step\)\.$/) });
    expect(bytesOf(logs.slice(0, -1))).toBeLessThanOrEqual(DEFAULT_LOG_CAPS.stepBytes);
    expect(logs.slice(0, -1).every((l) => !l.message.includes("bytes of logs dropped"))).toBe(true);
    expect(logs[0]!.message.startsWith("0 xxx")).toBe(true);
    // The run counts what its steps stored.
    const [run] = await getDb().select({ logBytes: runs.logBytes }).from(runs).where(eq(runs.id, r.id));
    expect(run!.logBytes).toBe(bytesOf(logs));
  });

  it("a run of many chatty steps (in parallel) stores at most the run cap, and later steps say their logs were dropped", async () => {
    // 24 steps × 64 KB would be 1.5 MB; the run's cap is 1 MB.
    const items = Array.from({ length: 24 }, (_, i) => i);
    const nodes = [{ id: "each", kind: "loop", items: "{{ trigger.body.items }}", concurrency: 4 }, probeNode("chatty", "chatty", { lines: 100, bytes: 2000 })];
    const r = await start(nodes, [g.edge("start", "each"), g.edge("each", "chatty", "each")], { items });
    // The whole outcome at once, so a failure says which step failed and why.
    const failed = r.steps.filter((s) => s.status === "failed").map((s) => ({ step: s.stepKey, error: s.error }));
    expect({ status: r.status, error: r.error, failed }).toEqual({ status: "succeeded", error: null, failed: [] });
    const steps = (await storedLogs(r.id)).filter((s) => s.stepKey.includes("chatty"));
    expect(steps).toHaveLength(24);
    const stored = steps.reduce((n, s) => n + bytesOf(s.logs), 0);
    expect(stored).toBeLessThanOrEqual(DEFAULT_LOG_CAPS.runBytes);
    expect(stored).toBeGreaterThan(DEFAULT_LOG_CAPS.runBytes - 70_000);
    const [run] = await getDb().select({ logBytes: runs.logBytes }).from(runs).where(eq(runs.id, r.id));
    expect(run!.logBytes).toBe(stored);
    const runMarkers = steps.flatMap((s) => s.logs).filter((l) => /bytes of logs dropped \(limit JUNCTION_RUN_LOG_BYTES = 1048576 bytes per run\)/.test(l.message));
    expect(runMarkers.length).toBeGreaterThan(0);
  });
});

describe("run record size", () => {
  it("a step failing with a 300 KB error message records it clipped, in the step row, the run's error and the runs list", async () => {
    const message = "e".repeat(300_000);
    const r = await start([g.fail("boom", { message: "{{ trigger.body.message }}", retryable: false })], g.chain("start", "boom"), { message });
    expect(r.status).toBe("failed");
    const step = r.steps.find((s) => s.stepKey === "boom")!;
    const clipped = (step.error as { message: string }).message;
    expect(clipped.length).toBe(2000 + "… (298000 more characters)".length);
    expect(clipped.endsWith("e… (298000 more characters)")).toBe(true);
    const listed = (await alice.caller.run.list({ workspaceId: alice.personalWorkspaceId, limit: 50 })).find((x) => x.id === r.id)!;
    expect((listed.error as { message: string }).message.endsWith(clipped)).toBe(true);
    expect(JSON.stringify(listed).length).toBeLessThan(4000);
  });
});
