import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../server/testing/users";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  user = await newUser("Engine");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

async function run(graph: Parameters<typeof publishGraph>[1], input: Record<string, unknown> = {}) {
  const { workspaceId, workflowId } = await publishGraph(user, graph);
  const { runId } = await user.caller.run.start({ workspaceId, workflowId, input });
  return waitForRun(user, runId);
}
const out = (r: Awaited<ReturnType<typeof waitForRun>>, key: string) => r.steps.find((s) => s.stepKey === key && s.status === "succeeded")?.output;

describe("the interpreter", () => {
  it("runs a linear graph, mapping trigger data and earlier outputs", async () => {
    const r = await run(
      { schemaVersion: 1, nodes: [g.trigger(), g.set("a", { email: "{{ lower(trigger.body.email) }}" }), g.set("b", { greeting: "hi {{ steps.a.output.email }}" })], edges: g.chain("start", "a", "b") },
      { email: "ADA@x.io" },
    );
    expect(r.status).toBe("succeeded");
    expect(out(r, "b")).toEqual({ greeting: "hi ada@x.io" });
    expect(r.steps.every((s) => s.durationMs !== null && s.attempt === 1)).toBe(true);
  });

  it("branches, loops with a concurrency limit, and merges", async () => {
    const nodes = [
      g.trigger(),
      { id: "big", kind: "branch", expression: "length(trigger.body.list) > 2" },
      { id: "each", kind: "loop", items: "{{ trigger.body.list }}", concurrency: 2 },
      g.set("double", { v: "{{ item * 2 }}", i: "{{ index }}" }),
      g.set("small", { note: "small" }),
      { id: "join", kind: "merge", mode: "first" },
      g.set("final", { seen: "{{ steps.join.output }}" }),
    ];
    const edges = [g.edge("start", "big"), g.edge("big", "each", "true"), g.edge("big", "small", "false"), g.edge("each", "double", "each"), g.edge("each", "join", "done"), g.edge("small", "join"), g.edge("join", "final")];
    const r = await run({ schemaVersion: 1, nodes, edges }, { list: [1, 2, 3] });
    expect(r.status).toBe("succeeded");
    expect(out(r, "final")).toEqual({ seen: [{ v: 2, i: 0 }, { v: 4, i: 1 }, { v: 6, i: 2 }] });
    // Control nodes have rows too; "small" (the branch not taken) has none.
    expect(r.steps.map((s) => s.stepKey).sort()).toEqual(["big", "each", "each[0].double", "each[1].double", "each[2].double", "final", "join"]);
  });

  it("runs parallel branches concurrently and waits for all at an 'all' merge", async () => {
    const nodes = [g.trigger(), { id: "wait_a", kind: "delay", durationMs: 1500 }, { id: "wait_b", kind: "delay", durationMs: 1500 }, { id: "join", kind: "merge" }, g.set("done", { x: "{{ steps.join.output }}" })];
    const edges = [g.edge("start", "wait_a"), g.edge("start", "wait_b"), g.edge("wait_a", "join"), g.edge("wait_b", "join"), g.edge("join", "done")];
    const r = await run({ schemaVersion: 1, nodes, edges });
    expect(r.status).toBe("succeeded");
    // Concurrent, proven by the recorded intervals rather than wall time (which a loaded machine stretches):
    // each wait began before the other one ended.
    const [a, b] = ["wait_a", "wait_b"].map((k) => r.steps.find((s) => s.stepKey === k && s.status === "succeeded")!);
    expect(a!.startedAt.getTime()).toBeLessThan(b!.finishedAt!.getTime());
    expect(b!.startedAt.getTime()).toBeLessThan(a!.finishedAt!.getTime());
    // And the merge waited for both.
    const join = r.steps.find((s) => s.stepKey === "join")!;
    expect(join.startedAt.getTime()).toBeGreaterThanOrEqual(Math.max(a!.finishedAt!.getTime(), b!.finishedAt!.getTime()));
    expect(out(r, "done")).toEqual({ x: { wait_a: { waitedMs: 1500 }, wait_b: { waitedMs: 1500 } } });
  });

  it("stops with success or error at a stop node", async () => {
    const ok = await run({ schemaVersion: 1, nodes: [g.trigger(), { id: "halt", kind: "stop" }], edges: [g.edge("start", "halt")] });
    expect(ok.status).toBe("succeeded");
    const bad = await run({ schemaVersion: 1, nodes: [g.trigger(), { id: "halt", kind: "stop", outcome: "error", message: "no customer" }], edges: [g.edge("start", "halt")] });
    expect(bad).toMatchObject({ status: "failed", error: { message: "no customer", nodeId: "halt" } });
  });

  it("continues, or routes to the error branch, when a step is set to; the run ends 'succeeded_with_errors', not 'succeeded'", async () => {
    const once = { retry: { maxAttempts: 1 } };
    const nodes = [
      g.trigger(),
      g.fail("soft", { message: "meh" }, { ...once, onError: "continue" }),
      g.fail("routed", { message: "boom", type: "Boom" }, { ...once, onError: "route" }),
      g.set("handled", { why: "{{ steps.routed.output.error.message }}", soft: "{{ steps.soft.output.error.message }}" }),
      g.set("unreached", {}),
    ];
    const edges = [g.edge("start", "soft"), g.edge("soft", "routed"), g.edge("routed", "handled", "error"), g.edge("routed", "unreached")];
    const r = await run({ schemaVersion: 1, nodes, edges });
    expect(r.status).toBe("succeeded_with_errors");
    expect(out(r, "handled")).toEqual({ why: "boom", soft: "meh" });
    expect(r.steps.some((s) => s.stepKey === "unreached")).toBe(false);
  });

  it("says on the consuming step when its mapping reads a skipped step (branch not taken) or a failed one the run went on past", async () => {
    const once = { retry: { maxAttempts: 1 } };
    const nodes = [
      g.trigger(),
      g.fail("soft", { message: "quota exceeded" }, { ...once, onError: "continue" }),
      { id: "vip", kind: "branch", expression: "trigger.body.vip == true" },
      g.set("gold", { tier: "gold" }),
      g.set("plain", { tier: "plain" }),
      { id: "join", kind: "merge", mode: "first" },
      // Reads the branch not taken, the failed step's output and (on purpose, no warning) the failed step's error.
      g.set("final", { tier: "{{ steps.gold.output.tier }}", note: "count: {{ steps.soft.output.count }}", why: "{{ steps.soft.output.error.message }}" }),
    ];
    const edges = [g.edge("start", "soft"), g.edge("soft", "vip"), g.edge("vip", "gold", "true"), g.edge("vip", "plain", "false"), g.edge("gold", "join"), g.edge("plain", "join"), g.edge("join", "final")];
    const graph = { schemaVersion: 1, nodes, edges };
    const row = (r: Awaited<ReturnType<typeof run>>, key: string) => r.steps.find((s) => s.stepKey === key)!;

    const regular = await run(graph, { vip: false });
    expect(regular.status).toBe("succeeded_with_errors");
    expect(out(regular, "final")).toEqual({ tier: undefined, note: "count: ", why: "quota exceeded" });
    // In the order of the stored input's keys (Postgres jsonb orders them): sorted here by field.
    expect([...(row(regular, "final").warnings ?? [])].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      {
        field: "input.note",
        reference: "steps.soft.output.count",
        step: "soft",
        why: "failed",
        message: 'input.note reads steps.soft.output.count, but step "soft" failed and the run went on (its "on error" setting), so its output holds only the error (steps.soft.output.error.message).',
      },
      {
        field: "input.tier",
        reference: "steps.gold.output.tier",
        step: "gold",
        why: "skipped",
        message: 'input.tier reads steps.gold.output.tier, but step "gold" was skipped (no branch led to it), so it is empty here.',
      },
    ]);
    expect(row(regular, "plain").warnings).toBeNull();

    // When the branch is taken, only the failed step is warned about.
    const vip = await run(graph, { vip: true });
    expect(out(vip, "final")).toMatchObject({ tier: "gold" });
    expect(row(vip, "final").warnings).toEqual([expect.objectContaining({ field: "input.note", step: "soft", why: "failed" })]);
  });

  it("keeps a loop going past failed items when told to, and the run says it had errors", async () => {
    const nodes = [g.trigger(), { id: "each", kind: "loop", items: "{{ trigger.body.list }}", continueOnItemFailure: true }, g.fail("maybe", { message: "bad {{ item }}" }, { retry: { maxAttempts: 1 } }), g.set("after", { r: "{{ steps.each.output }}" })];
    const edges = [g.edge("start", "each"), g.edge("each", "maybe", "each"), g.edge("each", "after", "done")];
    const r = await run({ schemaVersion: 1, nodes, edges }, { list: ["x", "y"] });
    expect(r.status).toBe("succeeded_with_errors");
    expect((out(r, "after") as { r: { error: { message: string } }[] }).r.map((x) => x.error.message)).toEqual(['Step "each[0].maybe" failed: bad x', 'Step "each[1].maybe" failed: bad y']);
  });
});
