import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { workflows, workflowVersions } from "../../db/schema";
import { g } from "../../workflows/testing/harness";
import { contextForUser } from "../api/context";
import { appRouter } from "../api/root";
import { newUser } from "../testing/users";

// Issue 12 item 1: a draft is stored while incomplete (the editor autosaves); publishing and activation refuse
// while it has problems. Driven over the real tRPC fetch adapter, as the browser calls it.
let u: Awaited<ReturnType<typeof newUser>>;
const ws = () => u.personalWorkspaceId;

type Reply = { status: number; data?: Record<string, unknown> & { json?: unknown }; error?: { message: string; data: { code: string; fieldErrors?: Record<string, string[]> } } };

async function call(path: string, input: unknown, method: "POST" | "GET" = "POST"): Promise<Reply> {
  const url = `http://localhost/api/trpc/${path}` + (method === "GET" ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : "");
  const init = method === "GET" ? {} : { method, body: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } };
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url, init), router: appRouter, createContext: () => contextForUser(u.id, "req-drafts-0001") });
  const body = (await res.json()) as { result?: { data: { json: Record<string, unknown> } }; error?: { json: NonNullable<Reply["error"]> } };
  return { status: res.status, data: body.result?.data.json, error: body.error?.json };
}

const missingUrl = { schemaVersion: 1, nodes: [g.trigger(), g.http("call", {})], edges: g.chain("start", "call") };
const fixed = { ...missingUrl, nodes: [g.trigger(), g.http("call", { url: "https://example.com/hook" })] };

async function newWorkflow(name: string) {
  return (await call("workflow.create", { workspaceId: ws(), name })).data as { id: string };
}

beforeAll(async () => {
  u = await newUser("Drafty");
});

describe("incomplete drafts", () => {
  it("saving a draft with a missing required input succeeds and returns the problem naming node and field", async () => {
    const wf = await newWorkflow("Incomplete");
    const saved = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: missingUrl });
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ draftRevision: 2, problems: [{ nodeId: "call", field: "input.url", message: '"url" is required' }] });
    // Stored as sent (defaults filled in), and reading it back reports the same problem.
    const got = await call("workflow.get", { workspaceId: ws(), workflowId: wf.id }, "GET");
    expect(got.data).toMatchObject({ draftRevision: 2, draftProblems: [{ nodeId: "call", field: "input.url" }] });
    expect((got.data!.draftGraph as { nodes: { id: string; settings?: unknown }[] }).nodes[1]).toMatchObject({ id: "call", input: {}, settings: { onError: "fail" } });
  });

  it("a save answers with the graph only when storing changed it: an autosave of a draft already stored as sent does not send it back", async () => {
    const wf = await newWorkflow("Echo");
    const first = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: missingUrl });
    // Defaults filled in: the answer carries the graph as stored, for the editor to show.
    const stored = first.data!.draftGraph as { nodes: { id: string }[] };
    expect(stored.nodes[1]).toMatchObject({ id: "call", input: {}, settings: { onError: "fail" } });
    // The editor now holds the stored graph; saving it again stores it as sent, so nothing comes back.
    const again = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: stored });
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ draftRevision: 3, draftGraph: null, problems: [{ nodeId: "call", field: "input.url" }] });
    const got = await call("workflow.get", { workspaceId: ws(), workflowId: wf.id }, "GET");
    expect(got.data!.draftGraph).toEqual(stored);
  });

  it("a node whose own fields are wrong for its kind is stored too, its fields named as problems", async () => {
    const wf = await newWorkflow("Half a branch");
    const graph = { schemaVersion: 1, nodes: [g.trigger(), { id: "check", kind: "branch", expression: "" }, g.set("after", {}, { retry: { maxAttempts: 0 } })], edges: g.chain("start", "check") };
    const saved = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.status).toBe(200);
    expect(saved.data!.problems).toEqual([
      { nodeId: "check", field: "expression", message: "Give the branch an expression" },
      { nodeId: "after", field: "settings.retry.maxAttempts", message: expect.stringMatching(/>=1/) },
    ]);
    const got = await call("workflow.get", { workspaceId: ws(), workflowId: wf.id }, "GET");
    expect((got.data!.draftGraph as { nodes: unknown[] }).nodes[1]).toEqual({ id: "check", kind: "branch", expression: "" });
  });

  it("saving with a stale revision is still refused (CONFLICT), even when the graph has problems", async () => {
    const wf = await newWorkflow("Raced");
    expect((await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: missingUrl })).status).toBe(200);
    const stale = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: fixed });
    expect(stale.status).toBe(409);
    expect(stale.error!.message).toMatch(/Someone saved this workflow since you opened it \(revision 2, yours 1\)/);
  });

  it("publishing a draft with problems is refused listing them; after fixing, publish works", async () => {
    const wf = await newWorkflow("Publish gate");
    await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: { ...missingUrl, edges: [...missingUrl.edges, g.edge("call", "ghost")] } });
    const refused = await call("workflow.publish", { workspaceId: ws(), workflowId: wf.id, message: "too soon" });
    expect(refused.status).toBe(400);
    expect(refused.error!.message).toBe('The draft has 2 problems: "url" is required');
    expect(refused.error!.data.fieldErrors).toEqual({ "nodes.call.input.url": ['"url" is required'], "nodes.call.edges": ['Edge call-out-ghost points to "ghost", which does not exist'] });
    expect((await call("workflow.versions", { workspaceId: ws(), workflowId: wf.id }, "GET")).data).toEqual([]);
    // Nothing published, so nothing to activate.
    const inactive = await call("workflow.setActive", { workspaceId: ws(), workflowId: wf.id, active: true });
    expect(inactive.status).toBe(400);
    expect(inactive.error!.message).toMatch(/Publish the workflow before activating it/);

    const saved = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: fixed });
    expect(saved.data).toMatchObject({ draftRevision: 3, problems: [] });
    const published = await call("workflow.publish", { workspaceId: ws(), workflowId: wf.id, message: "fixed" });
    expect(published.status).toBe(200);
    expect(published.data).toMatchObject({ number: 1, message: "fixed" });
    expect((await call("workflow.setActive", { workspaceId: ws(), workflowId: wf.id, active: true })).data).toMatchObject({ active: true, versionNumber: 1 });
    // A draft with problems again does not touch what is published or active.
    expect((await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 3, graph: missingUrl })).status).toBe(200);
    expect((await call("workflow.get", { workspaceId: ws(), workflowId: wf.id }, "GET")).data).toMatchObject({ active: true, draftRevision: 4 });
    await call("workflow.setActive", { workspaceId: ws(), workflowId: wf.id, active: false });
  });

  it("activating a published version that has problems (the rules grew stricter since) is refused listing them, and it stays inactive", async () => {
    const wf = await newWorkflow("Stricter now");
    await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: fixed });
    const v = (await call("workflow.publish", { workspaceId: ws(), workflowId: wf.id, message: "v1" })).data as { id: string };
    // What publishing checked at the time no longer holds: stand in for a rule added since by rewriting the version.
    await getDb().update(workflowVersions).set({ graph: missingUrl }).where(eq(workflowVersions.id, v.id));
    const refused = await call("workflow.setActive", { workspaceId: ws(), workflowId: wf.id, active: true });
    expect(refused.status).toBe(400);
    expect(refused.error!.message).toBe('Published version 1 has 1 problem: "url" is required');
    expect(refused.error!.data.fieldErrors).toEqual({ "nodes.call.input.url": ['"url" is required'] });
    expect((await getDb().select({ active: workflows.active }).from(workflows).where(eq(workflows.id, wf.id)))[0]!.active).toBe(false);
  });

  it("a test run of a draft with problems is refused listing them, and no run starts", async () => {
    const wf = await newWorkflow("Test run gate");
    await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: missingUrl });
    const refused = await call("workflow.runManual", { workspaceId: ws(), workflowId: wf.id, payload: {} });
    expect(refused.status).toBe(400);
    expect(refused.error!.data.fieldErrors).toEqual({ "nodes.call.input.url": ['"url" is required'] });
    expect((await call("run.list", { workspaceId: ws(), workflowId: wf.id }, "GET")).data).toEqual([]);
  });
});

describe("structurally invalid drafts are still refused", () => {
  async function refused(graph: unknown) {
    const wf = await newWorkflow("Broken");
    const r = await call("workflow.saveDraft", { workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
    const after = await call("workflow.get", { workspaceId: ws(), workflowId: wf.id }, "GET");
    expect(after.data).toMatchObject({ draftRevision: 1, draftGraph: { nodes: [] } });
    return r;
  }

  it("a graph that is not a graph (no edges list) is refused naming what is missing", async () => {
    const r = await refused({ schemaVersion: 1, nodes: [g.trigger()] });
    expect(r.status).toBe(400);
    expect(r.error!.message).toBe("The workflow graph cannot be saved: edges: Invalid input: expected array, received undefined");
  });

  it("a node of an unknown kind, or with an id that is not a slug, is refused naming the node", async () => {
    const r = await refused({ schemaVersion: 1, nodes: [g.trigger(), { id: "odd", kind: "teleport" }, { id: "Bad Id", kind: "merge" }], edges: [] });
    expect(r.status).toBe(400);
    expect(r.error!.message).toMatch(/^The workflow graph cannot be saved: node "odd" kind: Invalid option: expected one of .* \(and 1 more\)$/);
    expect(r.error!.data.fieldErrors).toEqual({ "nodes.odd.kind": [expect.any(String)], "nodes.Bad Id.id": ["Node ids are snake_case slugs (a-z, 0-9, _)"] });
  });

  it("two nodes with one id are refused: problems and edits are addressed by node id", async () => {
    const r = await refused({ schemaVersion: 1, nodes: [g.trigger(), g.set("twin", {}), g.set("twin", {})], edges: [] });
    expect(r.error!.message).toBe('The workflow graph cannot be saved: node "twin" id: Two nodes are called "twin"');
  });

  it("a graph past the node limit is refused with the limit and the count", async () => {
    const nodes = [g.trigger(), ...Array.from({ length: 2001 }, (_, i) => g.set(`n${i}`, {}))];
    const r = await refused({ schemaVersion: 1, nodes, edges: [] });
    expect(r.status).toBe(400);
    expect(r.error!.message).toBe("The workflow has 2002 nodes, more than the limit of 2000 (JUNCTION_GRAPH_MAX_NODES).");
  });
});
