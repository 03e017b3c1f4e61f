import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { toDoc, type Doc } from "../../app/_lib/graph-edit/doc";
import { emptyHistory, record, redo, restoreHistory, serializeHistory, undo } from "../../app/_lib/graph-edit/history";
import { apply, moveNodesOp, removeNodesOp } from "../../app/_lib/graph-edit/ops";
import { contextForUser } from "../api/context";
import { appRouter } from "../api/root";
import { newUser } from "../testing/users";

/** The editor's undo history travels with the draft: saved by workflow.saveDraft, returned by workflow.get. */
type Body = { result?: { data: { json: Record<string, unknown> } }; error?: { json: { message: string } } };

// The real fetch adapter with real Requests, as the browser sends them (superjson's envelope).
async function call(path: string, input: unknown, userId: string, method: "GET" | "POST") {
  const envelope = JSON.stringify({ json: input });
  const url = `http://localhost/api/trpc/${path}${method === "GET" ? `?input=${encodeURIComponent(envelope)}` : ""}`;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, method === "GET" ? { method } : { method, body: envelope, headers: { "content-type": "application/json" } }),
    router: appRouter,
    createContext: () => contextForUser(userId),
  });
  const body = (await res.json()) as Body;
  if (!body.result) throw new Error(`${path} answered ${res.status}: ${body.error?.json.message}`);
  return body.result.data.json;
}

const set = (id: string, x: number) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { v: "{{ trigger.body.n }}" }, position: { x, y: 0 } });
const draft: Doc = {
  schemaVersion: 1,
  nodes: [{ id: "start", kind: "trigger", position: { x: 0, y: 0 } }, set("first", 240), set("second", 480)],
  edges: [{ id: "start-out-first", source: "start", target: "first" }, { id: "first-out-second", source: "first", target: "second" }],
};

let user: Awaited<ReturnType<typeof newUser>>;
beforeAll(async () => {
  user = await newUser("Draft History");
});

async function newWorkflow() {
  const wf = await user.caller.workflow.create({ workspaceId: user.personalWorkspaceId, name: `History ${crypto.randomUUID().slice(0, 6)}` });
  return { workspaceId: user.personalWorkspaceId, workflowId: wf.id };
}

describe("the undo history saved with the draft", () => {
  it("after a reload, undo restores a step deleted before the save and redo deletes it again", async () => {
    const ids = await newWorkflow();
    await call("workflow.saveDraft", { ...ids, draftRevision: 1, graph: draft }, user.id, "POST");
    // The editor: a move, then the step deleted; save with the history.
    let doc = draft;
    let h = emptyHistory();
    for (const op of [moveNodesOp(doc, new Map([["first", { x: 300, y: 40 }]]))!, removeNodesOp(doc, ["second"])!]) {
      doc = apply(doc, op);
      h = record(h, op);
    }
    const saved = await call("workflow.saveDraft", { ...ids, draftRevision: 2, graph: doc, history: serializeHistory(h) }, user.id, "POST");
    expect(saved).toMatchObject({ draftRevision: 3, historyNote: null });

    // The reload: the draft and its history from workflow.get.
    const loaded = await call("workflow.get", ids, user.id, "GET");
    const reloaded = toDoc(loaded.draftGraph);
    if (!reloaded.ok) throw new Error(reloaded.error);
    const { history, note } = restoreHistory(loaded.draftHistory, reloaded.doc);
    expect(note).toBeNull();
    const u = undo(history, reloaded.doc);
    if (!u.ok) throw new Error(u.error);
    expect(u.doc.nodes.map((n) => n.id)).toEqual(["start", "first", "second"]);
    expect(u.doc.edges.map((e) => e.id)).toEqual(["start-out-first", "first-out-second"]);
    const r = redo(u.history, u.doc);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.nodes.map((n) => n.id)).toEqual(["start", "first"]);
  });

  it("a save without a history clears the stored one, so a history never outlives the draft it describes", async () => {
    const ids = await newWorkflow();
    const h = record(emptyHistory(), removeNodesOp(draft, ["second"])!);
    await call("workflow.saveDraft", { ...ids, draftRevision: 1, graph: draft, history: serializeHistory(h) }, user.id, "POST");
    expect((await call("workflow.get", ids, user.id, "GET")).draftHistory).toEqual(serializeHistory(h));
    await call("workflow.saveDraft", { ...ids, draftRevision: 2, graph: draft }, user.id, "POST");
    expect((await call("workflow.get", ids, user.id, "GET")).draftHistory).toBeNull();
  });

  it("a history nested past JUNCTION_JSON_MAX_DEPTH does not cost the save: the draft is stored without it, and the answer says why", async () => {
    const ids = await newWorkflow();
    let deep: unknown = "x";
    for (let i = 0; i < 200; i++) deep = [deep];
    const saved = await call("workflow.saveDraft", { ...ids, draftRevision: 1, graph: draft, history: { format: 1, undo: [deep], redo: [] } }, user.id, "POST");
    expect(saved).toMatchObject({ draftRevision: 2, historyNote: "The draft was saved without its undo history: The undo history nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH)." });
    const loaded = await call("workflow.get", ids, user.id, "GET");
    expect(loaded.draftHistory).toBeNull();
    expect((loaded.draftGraph as Doc).nodes).toHaveLength(3);
  });
});
