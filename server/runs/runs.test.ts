import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { g, publishGraph, startTestWorker, waitForRun } from "../../workflows/testing/harness";
import { newUser } from "../testing/users";

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const ws = () => user.personalWorkspaceId;

beforeAll(async () => {
  user = await newUser("Runner");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("drafts and versions", () => {
  it("saves with optimistic concurrency, stores an incomplete graph naming the node and field of its problem, and will not publish it", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: ws(), name: "Drafty" });
    const graph = { schemaVersion: 1, nodes: [g.trigger(), g.set("a", {})], edges: g.chain("start", "a") };
    expect(await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph })).toMatchObject({ draftRevision: 2 });
    const stale = await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph }).catch((e: TRPCError) => e);
    expect((stale as TRPCError).code).toBe("CONFLICT");
    const bad = { schemaVersion: 1, nodes: [g.trigger(), g.http("call", {})], edges: g.chain("start", "call") };
    const saved = await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: bad });
    expect(saved).toMatchObject({ draftRevision: 3, problems: [{ nodeId: "call", field: "input.url", message: '"url" is required' }] });
    const err = (await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "" }).catch((e: TRPCError) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    expect((err.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ "nodes.call.input.url": ['"url" is required'] });
  });

  it("runs a pinned version even after the draft changes, and re-runs the same trigger on the latest", async () => {
    const v1 = { schemaVersion: 1, nodes: [g.trigger(), g.set("a", { v: "one {{ trigger.body.x }}" })], edges: g.chain("start", "a") };
    const { workflowId } = await publishGraph(user, v1);
    const first = await user.caller.run.start({ workspaceId: ws(), workflowId, input: { x: 1 } });
    const v2 = { ...v1, nodes: [g.trigger(), g.set("a", { v: "two {{ trigger.body.x }}" })] };
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId, draftRevision: 2, graph: v2 });
    const test = await user.caller.run.start({ workspaceId: ws(), workflowId, input: { x: 2 }, draft: true });
    expect((await waitForRun(user, first.runId)).steps[0]!.output).toEqual({ v: "one 1" });
    expect((await waitForRun(user, test.runId)).steps[0]!.output).toEqual({ v: "two 2" });
    await user.caller.workflow.publish({ workspaceId: ws(), workflowId, message: "second" });
    const again = await user.caller.run.rerunLatest({ workspaceId: ws(), runId: first.runId });
    expect((await waitForRun(user, again.runId)).steps[0]!.output).toEqual({ v: "two 1" });
    const versions = await user.caller.workflow.versions({ workspaceId: ws(), workflowId });
    expect(versions.map((v) => [v.number, v.message])).toEqual([[2, "second"], [1, "v1"]]);
    const listed = await user.caller.run.list({ workspaceId: ws(), workflowId, status: ["succeeded"], versionId: versions[0]!.id });
    expect(listed.map((r) => r.id)).toEqual([again.runId]);
    // A time window: runs created in it, newest first; one that ends before the first run holds none.
    const all = await user.caller.run.list({ workspaceId: ws(), workflowId });
    const firstAt = all.find((r) => r.id === first.runId)!.createdAt;
    const since = await user.caller.run.list({ workspaceId: ws(), workflowId, from: new Date(firstAt.getTime() + 1) });
    expect(since.map((r) => r.id)).toEqual([again.runId, test.runId]);
    expect(await user.caller.run.list({ workspaceId: ws(), workflowId, to: new Date(firstAt.getTime() - 1) })).toEqual([]);
    expect((await user.caller.run.list({ workspaceId: ws(), workflowId, from: firstAt, to: firstAt })).map((r) => r.id)).toEqual([first.runId]);
  });
});

describe("runs", () => {
  it("runs a non-retryable failure once and a retryable one exactly maxAttempts times, with backoff", async () => {
    const retry = { maxAttempts: 3, backoff: "exponential", initialIntervalMs: 300, nonRetryable: ["Fatal"] };
    const fatal = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), g.fail("f", { message: "no", type: "Fatal" }, { retry })], edges: g.chain("start", "f") });
    const r1 = await waitForRun(user, (await user.caller.run.start({ workspaceId: ws(), workflowId: fatal.workflowId })).runId);
    expect(r1.status).toBe("failed");
    expect(r1.steps.map((s) => s.attempt)).toEqual([1]);
    const flaky = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), g.fail("f", { message: "again" }, { retry })], edges: g.chain("start", "f") });
    const r2 = await waitForRun(user, (await user.caller.run.start({ workspaceId: ws(), workflowId: flaky.workflowId })).runId);
    expect(r2).toMatchObject({ status: "failed", error: { nodeId: "f" } });
    expect(r2.steps.map((s) => s.attempt)).toEqual([1, 2, 3]);
    const gaps = r2.steps.slice(1).map((s, i) => s.startedAt.getTime() - r2.steps[i]!.finishedAt!.getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(250); // 300 ms, then doubled
    expect(gaps[1]).toBeGreaterThanOrEqual(550);
  });

  it("passes big outputs by reference but shows them whole, and retries from the failed step reusing earlier outputs", async () => {
    const big = "x".repeat(300 * 1024);
    const nodes = [g.trigger(), g.set("big", { blob: big }), g.set("size", { n: "{{ length(steps.big.output.blob) }}" }), g.fail("gate", { message: "closed" }, { retry: { maxAttempts: 1 } })];
    const { workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", "big", "size", "gate") });
    const failed = await waitForRun(user, (await user.caller.run.start({ workspaceId: ws(), workflowId })).runId);
    expect(failed.status).toBe("failed");
    const bigStep = failed.steps.find((s) => s.stepKey === "big")!;
    expect(bigStep.outputRef).not.toBeNull();
    expect((bigStep.output as { blob: string }).blob.length).toBe(big.length);
    expect(failed.steps.find((s) => s.stepKey === "size")!.output).toEqual({ n: big.length });
    const retried = await waitForRun(user, (await user.caller.run.retry({ workspaceId: ws(), runId: failed.id, from: "failed_step" })).runId);
    expect(retried.retryOf).toBe(failed.id);
    expect(retried.steps.map((s) => s.stepKey)).toEqual(["gate"]); // big and size were reused, not run again
    const fresh = await waitForRun(user, (await user.caller.run.retry({ workspaceId: ws(), runId: failed.id, from: "start" })).runId);
    expect(fresh.steps.map((s) => s.stepKey)).toEqual(["big", "size", "gate"]);
  });

  it("cancels a running run", async () => {
    const nodes = [g.trigger(), { id: "wait", kind: "delay", durationMs: 60_000 }, g.set("after", {})];
    const { workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", "wait", "after") });
    const { runId } = await user.caller.run.start({ workspaceId: ws(), workflowId });
    await new Promise((r) => setTimeout(r, 500));
    await user.caller.run.cancel({ workspaceId: ws(), runId });
    expect((await waitForRun(user, runId)).status).toBe("cancelled");
  });

  it("starts the workflow-level error handler with the failure", async () => {
    const handler = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), g.set("log", { failed: "{{ trigger.body.failedRunId }}", why: "{{ trigger.body.error.message }}" })], edges: g.chain("start", "log") });
    const graph = { schemaVersion: 1, nodes: [g.trigger(), { id: "halt", kind: "stop", outcome: "error", message: "bad input" }], edges: g.chain("start", "halt"), settings: { errorWorkflowId: handler.workflowId } };
    const { workflowId } = await publishGraph(user, graph as Parameters<typeof publishGraph>[1]);
    const { runId } = await user.caller.run.start({ workspaceId: ws(), workflowId });
    expect((await waitForRun(user, runId)).status).toBe("failed");
    const handled = await waitForRun(user, `${runId}-onerror`);
    expect(handled.steps[0]!.output).toEqual({ failed: runId, why: "bad input" });
  });
});
