import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../server/testing/users";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";
import { startSink } from "./testing/sink";

// Control flow and step settings that workflows/engine.test.ts does not already prove, each against the real
// worker, Temporal and Postgres; third parties are the loopback sink (workflows/testing/sink.ts).
let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  user = await newUser("Control");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

type Graph = Parameters<typeof publishGraph>[1];
async function run(graph: Graph, input: Record<string, unknown> = {}) {
  const { workspaceId, workflowId } = await publishGraph(user, graph);
  const { runId } = await user.caller.run.start({ workspaceId, workflowId, input });
  return waitForRun(user, runId, 90_000);
}
type Run = Awaited<ReturnType<typeof waitForRun>>;
const step = (r: Run, key: string) => r.steps.find((s) => s.stepKey === key && s.status === "succeeded");
const keys = (r: Run) => r.steps.map((s) => s.stepKey).sort();
const once = { retry: { maxAttempts: 1 } };

describe("branches and merges", () => {
  it("switches on an expression: a matching case's exit, else default", async () => {
    const nodes = [
      g.trigger(),
      { id: "each", kind: "loop", items: "{{ trigger.body.plans }}" },
      { id: "plan", kind: "branch", mode: "switch", expression: "lower(item)", cases: ["free", "pro"] },
      g.set("free_path", { p: "{{ item }}" }),
      g.set("pro_path", { p: "{{ item }}" }),
      g.set("other_path", { p: "{{ item }}" }),
    ];
    const edges = [g.edge("start", "each"), g.edge("each", "plan", "each"), g.edge("plan", "free_path", "free"), g.edge("plan", "pro_path", "pro"), g.edge("plan", "other_path", "default")];
    const r = await run({ schemaVersion: 1, nodes, edges }, { plans: ["free", "PRO", "enterprise"] });
    expect(r.status).toBe("succeeded");
    expect(keys(r)).toEqual(["each", "each[0].free_path", "each[0].plan", "each[1].plan", "each[1].pro_path", "each[2].other_path", "each[2].plan"]);
    expect(step(r, "each[1].plan")!.output).toEqual({ result: "pro", took: "pro" });
    expect(step(r, "each[2].plan")!.output).toEqual({ result: "enterprise", took: "default" });
  });

  it("goes on at a 'first' merge as soon as one branch arrives, without waiting for the slower one", async () => {
    const nodes = [
      g.trigger(),
      { id: "quick_wait", kind: "delay", durationMs: 50 },
      { id: "slow_wait", kind: "delay", durationMs: 6_000 },
      g.set("quick", { who: "quick" }),
      g.set("slow", { who: "slow" }),
      { id: "join", kind: "merge", mode: "first" },
      g.set("after", { got: "{{ steps.join.output.who }}" }),
    ];
    const edges = [g.edge("start", "quick_wait"), g.edge("start", "slow_wait"), g.edge("quick_wait", "quick"), g.edge("slow_wait", "slow"), g.edge("quick", "join"), g.edge("slow", "join"), g.edge("join", "after")];
    const r = await run({ schemaVersion: 1, nodes, edges });
    expect(r.status).toBe("succeeded");
    expect(step(r, "after")!.output).toEqual({ got: "quick" });
    // "after" ran before the slow branch's delay was even over; the run itself still finished that branch.
    expect(step(r, "after")!.startedAt.getTime()).toBeLessThan(step(r, "slow_wait")!.finishedAt!.getTime());
    expect(step(r, "slow")).toBeDefined();
  });

  it("runs parallel action branches at the same time", async () => {
    const sink = await startSink(1_000);
    try {
      const nodes = [g.trigger(), g.http("left", { url: sink.url }), g.http("right", { url: sink.url }), { id: "join", kind: "merge" }, g.set("after", { n: "{{ length(steps.join.output) }}" })];
      const edges = [g.edge("start", "left"), g.edge("start", "right"), g.edge("left", "join"), g.edge("right", "join"), g.edge("join", "after")];
      const r = await run({ schemaVersion: 1, nodes, edges });
      expect(r.status).toBe("succeeded");
      expect(sink.maxInFlight()).toBe(2);
      expect(step(r, "after")!.output).toEqual({ n: 2 });
    } finally {
      await sink.close();
    }
  });
});

describe("delays", () => {
  it("waits until a time from the data, and not at all for a time already past", async () => {
    const nodes = [
      g.trigger(),
      { id: "until_later", kind: "delay", until: "{{ trigger.body.at }}" },
      { id: "until_past", kind: "delay", until: "{{ trigger.body.past }}" },
      { id: "join", kind: "merge" },
      g.set("after", { later: "{{ steps.join.output.until_later.waitedMs }}", past: "{{ steps.join.output.until_past.waitedMs }}" }),
    ];
    const edges = [g.edge("start", "until_later"), g.edge("start", "until_past"), g.edge("until_later", "join"), g.edge("until_past", "join"), g.edge("join", "after")];
    const at = Date.now() + 5_000;
    const r = await run({ schemaVersion: 1, nodes, edges }, { at: new Date(at).toISOString(), past: "2020-01-01T00:00:00Z" });
    expect(r.status).toBe("succeeded");
    const { later, past } = step(r, "after")!.output as { later: number; past: number };
    expect(later).toBeGreaterThan(0);
    expect(later).toBeLessThanOrEqual(5_000);
    expect(past).toBe(0);
    expect(step(r, "after")!.startedAt.getTime()).toBeGreaterThanOrEqual(at - 50);
  });

  it("fails with a clear error when 'until' is not a time", async () => {
    const r = await run({ schemaVersion: 1, nodes: [g.trigger(), { id: "wait", kind: "delay", until: "{{ trigger.body.at }}" }], edges: g.chain("start", "wait") }, { at: "next tuesday" });
    expect(r).toMatchObject({ status: "failed", error: { message: expect.stringContaining('"wait".until: "next tuesday" is not a time') } });
  });
});

describe("loops", () => {
  it("never has more than `concurrency` items in flight", async () => {
    const sink = await startSink(1_000);
    try {
      const nodes = [g.trigger(), { id: "each", kind: "loop", items: "{{ trigger.body.list }}", concurrency: 2 }, g.http("call", { url: sink.url, method: "POST", body: { n: "{{ item }}" } }), g.set("after", { n: "{{ length(steps.each.output) }}" })];
      const edges = [g.edge("start", "each"), g.edge("each", "call", "each"), g.edge("each", "after", "done")];
      const r = await run({ schemaVersion: 1, nodes, edges }, { list: [1, 2, 3, 4, 5, 6] });
      expect(r.status).toBe("succeeded");
      expect(sink.maxInFlight()).toBe(2);
      expect(sink.distinctKeys()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${r.id}:each[${i}].call`).sort());
      expect(step(r, "after")!.output).toEqual({ n: 6 });
    } finally {
      await sink.close();
    }
  });

  it("a loop over something that is not a list fails its step naming the field, the template and the type found", async () => {
    const nodes = [g.trigger(), { id: "each", kind: "loop", items: "{{ trigger.body.orders }}" }, g.set("one", { v: "{{ item }}" })];
    const edges = [g.edge("start", "each"), g.edge("each", "one", "each")];
    const cases: [unknown, string][] = [
      [{ id: 1, total: 9 }, "an object (2 keys)"],
      ["a,b", "text (3 characters)"],
      [undefined, "nothing (no such field)"],
    ];
    for (const [orders, found] of cases) {
      const r = await run({ schemaVersion: 1, nodes, edges }, orders === undefined ? {} : { orders });
      const message = `"each".items must be a list, but {{ trigger.body.orders }} gave ${found}`;
      expect(r).toMatchObject({ status: "failed", error: { nodeId: "each", message: expect.stringContaining(message) } });
      expect(r.steps.find((s) => s.stepKey === "each")).toMatchObject({ status: "failed", error: { message: expect.stringContaining(message) } });
    }
  });

  it("fails the run at the first failed item unless told to continue, naming the item's step", async () => {
    const nodes = [
      g.trigger(),
      { id: "each", kind: "loop", items: "{{ trigger.body.list }}" },
      { id: "bad", kind: "branch", expression: 'item == "bad"' },
      g.fail("boom", { message: "bad item {{ index }}" }, once),
      g.set("fine", { v: "{{ item }}" }),
      g.set("after", {}),
    ];
    const edges = [g.edge("start", "each"), g.edge("each", "bad", "each"), g.edge("bad", "boom", "true"), g.edge("bad", "fine", "false"), g.edge("each", "after", "done")];
    const r = await run({ schemaVersion: 1, nodes, edges }, { list: ["a", "bad", "c"] });
    expect(r).toMatchObject({ status: "failed", error: { nodeId: "boom", message: 'Step "each[1].boom" failed: bad item 1' } });
    expect(keys(r)).toEqual(["each", "each[0].bad", "each[0].fine", "each[1].bad", "each[1].boom"]); // item 2 and "after" never ran
    expect(r.steps.find((s) => s.stepKey === "each")).toMatchObject({ status: "failed", error: { message: 'Step "each[1].boom" failed: bad item 1' } });
  });
});

describe("step settings", () => {
  it("enforces the step's own timeout: the call is aborted and the attempt fails saying so", async () => {
    // A third party that never answers; it counts the calls and the callers that hung up.
    let calls = 0;
    let hungUp = 0;
    const server = http.createServer((req, res) => {
      calls += 1;
      res.on("close", () => (hungUp += 1));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const settings = { timeoutMs: 500, retry: { maxAttempts: 2, initialIntervalMs: 100 } };
      const r = await run({ schemaVersion: 1, nodes: [g.trigger(), g.http("slow", { url }, settings)], edges: g.chain("start", "slow") });
      expect(r).toMatchObject({ status: "failed", error: { nodeId: "slow", message: 'Step "slow" failed: Timed out after 500 ms' } });
      expect(r.steps.map((s) => [s.attempt, s.status, (s.error as { type: string }).type])).toEqual([
        [1, "failed", "StepTimeout"],
        [2, "failed", "StepTimeout"],
      ]);
      // Each attempt ended at its own deadline, not at Temporal's later start-to-close timeout.
      for (const s of r.steps) expect(s.durationMs).toBeLessThan(2_000);
      expect(calls).toBe(2);
      await expect.poll(() => hungUp).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("cancelling the run aborts a step in flight and records it as cancelled", async () => {
    let hungUp = 0;
    const server = http.createServer((_req, res) => void res.on("close", () => (hungUp += 1)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), g.http("call", { url }, { timeoutMs: 120_000 })], edges: g.chain("start", "call") });
      const { runId } = await user.caller.run.start({ workspaceId, workflowId, input: {} });
      const get = () => user.caller.run.get({ workspaceId, runId });
      await expect.poll(async () => (await get()).steps[0]?.status, { timeout: 20_000 }).toBe("running");
      await new Promise((r) => setTimeout(r, 1_500)); // past the first heartbeat
      await user.caller.run.cancel({ workspaceId, runId });
      expect((await waitForRun(user, runId)).status).toBe("cancelled");
      // The call is aborted within a heartbeat round (not left hanging until the step's 2-minute timeout).
      await expect.poll(() => hungUp, { timeout: 15_000 }).toBe(1);
      await expect.poll(async () => (await get()).steps[0], { timeout: 15_000 }).toMatchObject({ status: "failed", error: { message: "Cancelled", type: "Cancelled" } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("retries, then routes the failure to the error branch and carries on", async () => {
    const nodes = [
      g.trigger(),
      g.fail("flaky", { message: "still down" }, { retry: { maxAttempts: 2, initialIntervalMs: 100 }, onError: "route" }),
      g.set("normal", {}),
      g.set("fallback", { why: "{{ steps.flaky.output.error.message }}" }),
      { id: "join", kind: "merge", mode: "first" },
      g.set("after", { from: "{{ steps.join.output }}" }),
    ];
    const edges = [g.edge("start", "flaky"), g.edge("flaky", "normal"), g.edge("flaky", "fallback", "error"), g.edge("normal", "join"), g.edge("fallback", "join"), g.edge("join", "after")];
    const r = await run({ schemaVersion: 1, nodes, edges });
    expect(r.status).toBe("succeeded_with_errors");
    expect(r.steps.filter((s) => s.stepKey === "flaky").map((s) => s.attempt)).toEqual([1, 2]);
    expect(step(r, "after")!.output).toEqual({ from: { why: "still down" } });
    expect(keys(r)).not.toContain("normal");
  });
});

describe("ending a run", () => {
  it("stops the whole run with success from inside a loop", async () => {
    const nodes = [
      g.trigger(),
      { id: "each", kind: "loop", items: "{{ trigger.body.list }}" },
      { id: "found", kind: "branch", expression: "item == 2" },
      { id: "done_early", kind: "stop", outcome: "success" },
      g.set("look", { v: "{{ item }}" }),
      g.set("after", {}),
    ];
    const edges = [g.edge("start", "each"), g.edge("each", "found", "each"), g.edge("found", "done_early", "true"), g.edge("found", "look", "false"), g.edge("each", "after", "done")];
    const r = await run({ schemaVersion: 1, nodes, edges }, { list: [1, 2, 3] });
    expect(r.status).toBe("succeeded");
    expect(keys(r)).toEqual(["each", "each[0].found", "each[0].look", "each[1].done_early", "each[1].found"]);
    expect(step(r, "each[1].done_early")!.output).toMatchObject({ outcome: "success", stoppedAt: "done_early" });
    expect(step(r, "each")!.output).toMatchObject({ outcome: "success", stoppedAt: "done_early" });
  });

  it("hands a failed action step to the workflow-level error handler, naming the node", async () => {
    const handler = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), g.set("log", { node: "{{ trigger.body.error.nodeId }}", why: "{{ trigger.body.error.message }}" })], edges: g.chain("start", "log") }, "Handler");
    const graph = { schemaVersion: 1, nodes: [g.trigger(), g.fail("charge", { message: "card declined", type: "Declined" }, once)], edges: g.chain("start", "charge"), settings: { errorWorkflowId: handler.workflowId } };
    const failed = await run(graph as Graph);
    expect(failed).toMatchObject({ status: "failed", error: { nodeId: "charge" } });
    const handled = await waitForRun(user, `${failed.id}-onerror`);
    expect(handled.status).toBe("succeeded");
    expect(step(handled, "log")!.output).toEqual({ node: "charge", why: 'Step "charge" failed: card declined' });
  });
});

describe("control nodes in run_steps", () => {
  it("shows a delay as running while it waits, and as cancelled when the run is", async () => {
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), { id: "wait", kind: "delay", durationMs: 60_000 }, g.set("after", {})], edges: g.chain("start", "wait", "after") });
    const { runId } = await user.caller.run.start({ workspaceId, workflowId, input: {} });
    // The run is running as soon as its first node (a control node, no action step yet) is.
    await expect
      .poll(async () => {
        const r = await user.caller.run.get({ workspaceId, runId });
        return { run: r.status, startedAt: r.startedAt !== null, wait: r.steps.find((s) => s.stepKey === "wait") };
      }, { timeout: 20_000 })
      .toMatchObject({ run: "running", startedAt: true, wait: { status: "running", input: { waitMs: 60_000 }, finishedAt: null } });
    await user.caller.run.cancel({ workspaceId, runId });
    const r = await waitForRun(user, runId);
    expect(r.status).toBe("cancelled");
    expect(r.steps).toEqual([expect.objectContaining({ stepKey: "wait", status: "failed", error: { message: "Cancelled", type: "Cancelled" } })]);
  });

  it("lists control nodes among action steps in the order they ran", async () => {
    const nodes = [g.trigger(), g.set("left", {}), g.set("right", {}), { id: "join", kind: "merge" }, { id: "check", kind: "branch", expression: "true" }, g.set("after", {})];
    const edges = [g.edge("start", "left"), g.edge("start", "right"), g.edge("left", "join"), g.edge("right", "join"), g.edge("join", "check"), g.edge("check", "after", "true")];
    const r = await run({ schemaVersion: 1, nodes, edges });
    expect(r.status).toBe("succeeded");
    // run.get lists steps by start: the merge after both branches, the branch after it, its step last.
    const order = r.steps.map((s) => s.stepKey);
    expect(order.slice(2)).toEqual(["join", "check", "after"]);
    expect(order.slice(0, 2).sort()).toEqual(["left", "right"]);
    const at = (key: string) => step(r, key)!;
    expect(at("join").startedAt.getTime()).toBeGreaterThanOrEqual(Math.max(at("left").finishedAt!.getTime(), at("right").finishedAt!.getTime()));
  });

  it("counts a loop's items, and records how long a delay waited", async () => {
    const nodes = [g.trigger(), { id: "each", kind: "loop", items: "{{ trigger.body.list }}", concurrency: 3, continueOnItemFailure: true }, { id: "pause", kind: "delay", durationMs: 300 }, { id: "odd", kind: "branch", expression: "item % 2 == 1" }, g.fail("reject", { message: "odd" }, once), g.set("keep", {})];
    const edges = [g.edge("start", "each"), g.edge("each", "pause", "each"), g.edge("pause", "odd"), g.edge("odd", "reject", "true"), g.edge("odd", "keep", "false")];
    const r = await run({ schemaVersion: 1, nodes, edges }, { list: [1, 2, 3] });
    expect(r.status).toBe("succeeded_with_errors");
    expect(r.steps.find((s) => s.stepKey === "each")).toMatchObject({ status: "succeeded", input: { items: 3, concurrency: 3 }, output: { items: 3, succeeded: 1, failed: 2 } });
    const pause = step(r, "each[1].pause")!;
    expect(pause).toMatchObject({ input: { waitMs: 300 }, output: { waitedMs: 300 } });
    expect(pause.durationMs).toBeGreaterThanOrEqual(300);
    expect(r.steps.filter((s) => s.status === "failed").map((s) => s.stepKey).sort()).toEqual(["each[0].reject", "each[2].reject"]);
  });
});
