import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { sandboxPids } from "../../integrations/runtime/testing/processes";
import { newUser } from "../../server/testing/users";
import { g, publishGraph, startTestWorker, waitForRun } from "../testing/harness";
import { installProbe, probeNode, storeProbe } from "../testing/probe";

/**
 * A sandbox process killed with SIGKILL in the middle of a step of a real run: the worker (its own sandbox host,
 * as in production, but allowed to reach loopback) loses only that attempt, retries it in a new sandbox process,
 * and says so in its log.
 */
const captured: string[] = [];
const restore: (() => void)[] = [];
let worker: Awaited<ReturnType<typeof startTestWorker>>;
// The third party: holds the first call open (the step is then mid-call), answers the others at once.
const held: ServerResponse[] = [];
let firstCall: () => void = () => {};
const firstCallArrived = new Promise<void>((resolve) => (firstCall = resolve));
const server = createServer((_req, res) => {
  if (held.length === 0) {
    held.push(res);
    firstCall();
    return;
  }
  res.end("ok");
});

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  restore.push(() => (process.stdout.write = write));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  worker = await startTestWorker({ sandboxOptions: { allowLoopbackForTests: true, processes: 1 } });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const r of restore) r();
});

describe("a sandbox process killed with -9 mid-step", () => {
  it("fails only that attempt, retryably; the step succeeds on retry in a new sandbox process and the worker logs it", async () => {
    const user = await newUser("Sandbox crash");
    await installProbe(getDb(), user.personalWorkspaceId, await storeProbe(getDb()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
    const call = probeNode("call", "wait", { url }, { settings: { retry: { maxAttempts: 3, initialIntervalMs: 100 } } });
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), call], edges: g.chain("start", "call") });
    const { runId } = await user.caller.run.start({ workspaceId, workflowId });

    await firstCallArrived;
    const [killed, ...others] = sandboxPids();
    expect(others).toEqual([]);
    process.kill(Number(killed), "SIGKILL");

    const run = await waitForRun(user, runId, 90_000);
    expect(run.status).toBe("succeeded");
    const attempts = run.steps.filter((s) => s.stepKey === "call");
    expect(attempts.map((s) => [s.attempt, s.status])).toEqual([[1, "failed"], [2, "succeeded"]]);
    expect(JSON.stringify(attempts[0]!.error)).toMatch(/The sandbox process was killed \(SIGKILL\) while running this step; .*can be retried/);
    expect(attempts[1]!.output).toEqual({ status: 200 });
    expect(sandboxPids()).toEqual([expect.not.stringMatching(`^${killed}$`)]);
    expect(captured.join("")).toMatch(new RegExp(`"level":"warn".*"msg":"sandbox process ${killed} was killed \\(SIGKILL\\) with 1 step\\(s\\) running; they fail retryably and a new sandbox process takes the next step"`));
  }, 120_000);
});
