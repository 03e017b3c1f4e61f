import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../../server/testing/users";
import { g, publishGraph, waitForRun } from "../testing/harness";
import { startSink } from "../testing/sink";

// A real worker process (workflows/worker.ts), killed with SIGKILL mid-run, then replaced.
const root = path.resolve(import.meta.dirname, "../..");
const taskQueue = `test-crash-${crypto.randomUUID()}`;
const children: ChildProcess[] = [];

function spawnWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", path.join(root, "workflows/worker.ts")], {
    cwd: root,
    env: { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_LOG_LEVEL: "ERROR" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("worker ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

let sink: Awaited<ReturnType<typeof startSink>>;
beforeAll(async () => {
  sink = await startSink(700);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await sink?.close();
});

describe("a worker killed with -9 mid-run", () => {
  it("is replaced, the run completes, and every step reached the sink under exactly one key", async () => {
    const user = await newUser("Crash");
    const ids = ["s1", "s2", "s3", "s4", "s5"];
    // Short step timeout: the attempt the dead worker held is retried after 3 s, with the same idempotency key.
    const settings = { timeoutMs: 3_000, retry: { maxAttempts: 10, initialIntervalMs: 200 } };
    const nodes = [g.trigger(), ...ids.map((id) => g.http(id, { url: sink.url, method: "POST", body: { step: id } }, settings))];
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", ...ids) });
    process.env.TEMPORAL_TASK_QUEUE = taskQueue;
    const first = await spawnWorker();
    const { runId } = await user.caller.run.start({ workspaceId, workflowId });
    while (sink.distinctKeys().length < 2) await new Promise((r) => setTimeout(r, 50));
    first.kill("SIGKILL"); // in the middle of step 2's call
    await spawnWorker();
    const run = await waitForRun(user, runId, 90_000);
    expect(run.status).toBe("succeeded");
    expect(sink.distinctKeys()).toEqual(ids.map((id) => `${runId}:${id}`).sort());
    expect(sink.totalCalls()).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
