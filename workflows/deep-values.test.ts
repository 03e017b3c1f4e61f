import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { createSandboxHost, type SandboxHost } from "../integrations/runtime";
import { startServer } from "../integrations/runtime/testing/loopback-server";
import { newUser } from "../server/testing/users";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";

/**
 * Step outputs nested deeper than JUNCTION_JSON_MAX_DEPTH (128 by default), in real runs: real Temporal, real
 * Postgres, the official Code integration in the real sandbox. Such an output used to throw a RangeError in the
 * worker (in Node's IPC reader, or in Temporal's payload converter) on every retry, until the run timed out.
 */
type User = Awaited<ReturnType<typeof newUser>>;
let alice: User;
let sandbox: SandboxHost;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  alice = await newUser("Alice");
  sandbox = createSandboxHost({ processes: 1 });
  worker = await startTestWorker({ deps: { db: getDb(), sandbox } });
  // A JSON API whose answer is nested 3000 deep: what core.http_request parses becomes the step's output.
  server = await startServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end("[".repeat(3000) + "]".repeat(3000));
  });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await sandbox?.close();
  await server?.close();
});

const retried = { settings: { retry: { maxAttempts: 3, initialIntervalMs: 100 } } };
const code = (id: string, source: string) => ({ id, kind: "action" as const, action: { integration: "code", version: "1.0.0", key: "run_code" }, input: { code: source }, ...retried });

async function run(nodes: { id: string }[]) {
  const { workspaceId, workflowId } = await publishGraph(alice, { schemaVersion: 1, nodes: [g.trigger(), ...nodes], edges: g.chain("start", ...nodes.map((n) => n.id)) });
  const { runId } = await alice.caller.run.start({ workspaceId, workflowId, input: {} });
  return waitForRun(alice, runId, 90_000);
}

async function expectFailsOnDepth(nodes: { id: string }[], key: string) {
  const r = await run(nodes);
  expect(r.status).toBe("failed");
  const attempts = r.steps.filter((s) => s.stepKey === key);
  expect(attempts.map((s) => s.attempt)).toEqual([1]);
  expect(attempts[0]!.error).toMatchObject({ type: "LimitExceeded", message: expect.stringContaining("output nested deeper than 128 levels") });
}

describe("step outputs nested too deep", () => {
  it("a Code step returning an object nested 3000 deep fails at once, non-retryable, and the worker keeps serving the next run", async () => {
    await expectFailsOnDepth([code("deep", "let o = {}; let p = o; for (let i = 0; i < 3000; i++) { p.a = {}; p = p.a } return o")], "deep");
    const next = await run([code("fine", "return { n: 1 }")]);
    expect(next.status).toBe("succeeded");
    expect(next.steps.find((s) => s.stepKey === "fine")?.output).toEqual({ result: { n: 1 } });
  });

  it("a Code step returning arrays nested 5000 deep fails the same way, not as a retried sandbox crash", async () => {
    await expectFailsOnDepth([code("deep", "let o = []; let p = o; for (let i = 0; i < 5000; i++) { const c = []; p.push(c); p = c } return o")], "deep");
  });

  it("a built-in step whose output is nested 3000 deep (core.http_request of a deep JSON answer) fails the same way", async () => {
    await expectFailsOnDepth([g.http("call", { url: `http://127.0.0.1:${server.port}/` }, retried.settings)], "call");
  });
});
