import type { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { g, publishGraph, startTestWorker, waitForRun } from "../../workflows/testing/harness";
import { newUser } from "../testing/users";

// What the run views read: list filters and pages, the graph a run ran, reused steps, versions with authors.

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const ws = () => user.personalWorkspaceId;
const codeOf = (e: unknown) => (e as TRPCError).code;

beforeAll(async () => {
  user = await newUser("Inspector Gadget");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("run list", () => {
  it("filters published runs from test runs, pages with a cursor and names workflow and trigger", async () => {
    const graph = { schemaVersion: 1, nodes: [g.trigger(), g.set("a", { v: "{{ trigger.body.n }}" })], edges: g.chain("start", "a") };
    const { workflowId } = await publishGraph(user, graph, "Paged");
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) ids.push((await user.caller.run.start({ workspaceId: ws(), workflowId, input: { n } })).runId);
    const test = (await user.caller.run.start({ workspaceId: ws(), workflowId, input: {}, draft: true })).runId;
    for (const id of [...ids, test]) await waitForRun(user, id);

    const tests = await user.caller.run.list({ workspaceId: ws(), workflowId, kind: "test" });
    expect(tests.map((r) => r.id)).toEqual([test]);
    expect(tests[0]).toMatchObject({ versionNumber: null, workflowName: "Paged", triggerKind: "manual" });
    const published = await user.caller.run.list({ workspaceId: ws(), workflowId, kind: "published" });
    expect(published.map((r) => r.id)).toEqual([...ids].reverse());
    expect(published.every((r) => r.versionNumber === 1)).toBe(true);

    const page1 = await user.caller.run.list({ workspaceId: ws(), workflowId, kind: "published", limit: 2 });
    const page2 = await user.caller.run.list({ workspaceId: ws(), workflowId, kind: "published", limit: 2, cursor: page1.at(-1)!.id });
    const page3 = await user.caller.run.list({ workspaceId: ws(), workflowId, kind: "published", limit: 2, cursor: page2.at(-1)!.id });
    expect([...page1, ...page2, ...page3].map((r) => r.id)).toEqual(published.map((r) => r.id));
  });

  it("pages through runs created within one millisecond without skipping any, and filters by what triggered them", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: ws(), name: "Same millisecond" });
    // Microseconds apart, as a burst of webhook deliveries gets them: a JS Date of the cursor cannot tell them apart.
    const kinds = ["webhook", "schedule", "webhook", "polling", "webhook", "schedule"];
    const rows = kinds.map((kind, i) => ({ id: `run_${crypto.randomUUID()}`, kind, at: `2026-03-01 10:00:00.123${String(100 + i * 10)}+00` }));
    for (const r of rows) {
      await getDb().execute(sql`insert into runs (id, workspace_id, workflow_id, status, trigger, created_at) values (${r.id}, ${ws()}, ${wf.id}, 'succeeded', ${JSON.stringify({ kind: r.kind, body: {} })}::jsonb, ${r.at}::timestamptz)`);
    }
    const newestFirst = rows.map((r) => r.id).reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const got = await user.caller.run.list({ workspaceId: ws(), workflowId: wf.id, limit: 1, cursor });
      if (got.length === 0) break;
      seen.push(got[0]!.id);
      cursor = got[0]!.id;
    }
    expect(seen).toEqual(newestFirst);
    const webhooks = await user.caller.run.list({ workspaceId: ws(), workflowId: wf.id, triggerKind: "webhook" });
    expect(webhooks.map((r) => r.id)).toEqual(rows.filter((r) => r.kind === "webhook").map((r) => r.id).reverse());
    expect(webhooks.every((r) => r.triggerKind === "webhook")).toBe(true);
    const bad = await user.caller.run.list({ workspaceId: ws(), triggerKind: "carrier_pigeon" as "webhook" }).catch((e) => e);
    expect(codeOf(bad)).toBe("BAD_REQUEST");
  });

  it("refuses a time range that ends before it starts, and a cursor from elsewhere", async () => {
    const bad = await user.caller.run.list({ workspaceId: ws(), from: new Date("2026-02-01"), to: new Date("2026-01-01") }).catch((e) => e);
    expect(codeOf(bad)).toBe("BAD_REQUEST");
    expect((bad as { cause: { issues: { path: string[] }[] } }).cause.issues[0]!.path).toEqual(["to"]);
    const stranger = await newUser("Stranger");
    const { workflowId } = await publishGraph(stranger, { schemaVersion: 1, nodes: [g.trigger()], edges: [] });
    const theirs = (await stranger.caller.run.start({ workspaceId: stranger.personalWorkspaceId, workflowId })).runId;
    expect(codeOf(await user.caller.run.list({ workspaceId: ws(), cursor: theirs }).catch((e) => e))).toBe("BAD_REQUEST");
  });
});

describe("run detail", () => {
  it("returns the graph the run ran: the pinned version's, or the draft a test run copied", async () => {
    const v1 = { schemaVersion: 1, nodes: [g.trigger(), g.set("one", {})], edges: g.chain("start", "one") };
    const { workflowId } = await publishGraph(user, v1, "Graphs");
    const pinned = (await user.caller.run.start({ workspaceId: ws(), workflowId })).runId;
    const v2 = { schemaVersion: 1, nodes: [g.trigger(), g.set("two", {})], edges: g.chain("start", "two") };
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId, draftRevision: 2, graph: v2 });
    const test = (await user.caller.run.start({ workspaceId: ws(), workflowId, draft: true })).runId;
    const a = await waitForRun(user, pinned);
    const b = await waitForRun(user, test);
    expect(a).toMatchObject({ workflowName: "Graphs", versionNumber: 1 });
    expect((a.graph as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(["start", "one"]);
    expect(b.versionNumber).toBeNull();
    expect((b.graph as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(["start", "two"]);
  });

  it("marks the steps a retry from the failed step reused, with their whole (stored by reference) output", async () => {
    const big = "y".repeat(300 * 1024);
    const nodes = [g.trigger(), g.set("big", { blob: big }), g.set("small", { ok: true }), g.fail("gate", { message: "closed" }, { retry: { maxAttempts: 1 } })];
    const { workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", "big", "small", "gate") }, "Reuse");
    const failed = await waitForRun(user, (await user.caller.run.start({ workspaceId: ws(), workflowId })).runId);
    expect(failed.reused).toEqual([]);
    const retried = await waitForRun(user, (await user.caller.run.retry({ workspaceId: ws(), runId: failed.id, from: "failed_step" })).runId);
    expect(retried.steps.map((s) => s.stepKey)).toEqual(["gate"]);
    expect(retried.reused.map((s) => [s.stepKey, s.reusedFrom])).toEqual([["big", failed.id], ["small", failed.id]]);
    expect((retried.reused[0]!.output as { blob: string }).blob.length).toBe(big.length);
    // A retry of the retry still knows where big and small came from.
    const again = await waitForRun(user, (await user.caller.run.retry({ workspaceId: ws(), runId: retried.id, from: "failed_step" })).runId);
    // Reuse follows the chain: the retry of the retry runs only the failed step again, not what the first reused.
    expect(again.steps.map((s) => s.stepKey)).toEqual(["gate"]);
    expect(again.reused.map((s) => [s.stepKey, s.reusedFrom])).toEqual([["big", failed.id], ["small", failed.id]]);
    // From the start, nothing is reused.
    const fresh = await waitForRun(user, (await user.caller.run.retry({ workspaceId: ws(), runId: failed.id, from: "start" })).runId);
    expect(fresh.reused).toEqual([]);
  });
});

describe("versions", () => {
  it("lists who published each version and shows one version's frozen graph, in its own workflow only", async () => {
    const graph = { schemaVersion: 1, nodes: [g.trigger(), g.set("a", {})], edges: g.chain("start", "a") };
    const { workflowId, versionId } = await publishGraph(user, graph, "Versioned");
    const [listed] = await user.caller.workflow.versions({ workspaceId: ws(), workflowId });
    expect(listed).toMatchObject({ number: 1, message: "v1", publishedBy: "Inspector Gadget" });
    const v = await user.caller.workflow.version({ workspaceId: ws(), workflowId, versionId });
    expect(v.graph).toEqual(expect.objectContaining({ nodes: expect.arrayContaining([expect.objectContaining({ id: "a" })]) }));
    const other = await user.caller.workflow.create({ workspaceId: ws(), name: "Other" });
    expect(codeOf(await user.caller.workflow.version({ workspaceId: ws(), workflowId: other.id, versionId }).catch((e) => e))).toBe("NOT_FOUND");
  });
});
