import { describe, expect, it } from "vitest";
import { diffDocs } from "./diff";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { addNodesOp, apply, batch, connectOp, invert, moveNodesOp, OpConflict, removeEdgesOp, removeNodesOp, removeSelectionOp, renameNodeIdOp, setNodeOp, setNotesOp, type Op } from "./ops";

/** Applies an operation, checks it survives JSON (it is stored with the draft), and that undoing it gives the original. */
function roundTrip(doc: Doc, op: Op): Doc {
  const stored = JSON.parse(JSON.stringify(op)) as Op;
  const after = apply(doc, stored);
  expect(after).not.toEqual(doc);
  expect(apply(after, invert(stored))).toEqual(doc);
  expect(apply(apply(after, invert(stored)), stored)).toEqual(after);
  return after;
}

describe("graph edit operations: apply then invert gives the original", () => {
  it("addNodes with edges", () => {
    const doc = sampleDoc();
    const after = roundTrip(doc, addNodesOp(doc, [{ id: "later", kind: "delay", durationMs: 5 }], [{ id: "notify-out-later", source: "notify", target: "later" }]));
    expect(after.nodes.at(-1)!.id).toBe("later");
  });

  it("removeNodes takes the steps' edges with them and undo puts both back in their places", () => {
    const doc = sampleDoc();
    const after = roundTrip(doc, removeNodesOp(doc, ["known"])!);
    expect(after.nodes.map((n) => n.id)).toEqual(["start", "find_user", "notify", "stop"]);
    expect(after.edges.map((e) => e.id)).toEqual(["start-out-find_user"]);
  });

  it("addEdges (connect) and removeEdges", () => {
    const doc = sampleDoc();
    roundTrip(doc, connectOp(doc, "notify", "stop")!);
    expect(connectOp(doc, "known", "notify", "true")).toBeNull();
    roundTrip(doc, removeEdgesOp(doc, ["known-false-stop"])!);
  });

  it("moveNodes, including a step that had no position", () => {
    const doc = sampleDoc();
    const { position: _p, ...bare } = doc.nodes[4]!;
    const unplaced: Doc = { ...doc, nodes: [...doc.nodes.slice(0, 4), bare] };
    const after = roundTrip(unplaced, moveNodesOp(unplaced, new Map([["start", { x: 5, y: 6 }], ["stop", { x: 1, y: 2 }]]))!);
    expect(after.nodes[0]!.position).toEqual({ x: 5, y: 6 });
    expect(moveNodesOp(doc, new Map([["start", { x: 0, y: 0 }]]))).toBeNull();
  });

  it("setNodeFields: config change, a label added and a field removed", () => {
    const doc = sampleDoc();
    const { label: _l, ...noLabel } = doc.nodes[1]!;
    roundTrip(doc, setNodeOp(doc, { ...noLabel, input: { url: "https://y.test" }, connectionId: "c1" })!);
    expect(setNodeOp(doc, doc.nodes[1]!)).toBeNull();
  });

  it("untouched steps keep their identity (React Flow re-renders only the changed one)", () => {
    const doc = sampleDoc();
    const after = apply(doc, setNodeOp(doc, { ...doc.nodes[1]!, label: "Look up" })!);
    expect(after.nodes[0]).toBe(doc.nodes[0]);
    expect(after.nodes[2]).toBe(doc.nodes[2]);
    expect(after.nodes[1]).not.toBe(doc.nodes[1]);
    expect(after.edges).toBe(doc.edges);
  });

  it("setNotes: a sticky note added, then edited", () => {
    const doc = sampleDoc();
    const one = roundTrip(doc, setNotesOp(doc, [{ id: "n1", text: "# Why", position: { x: 0, y: 200 } }])!);
    roundTrip(one, setNotesOp(one, [{ id: "n1", text: "# Why not", position: { x: 0, y: 200 } }])!);
  });

  it("a batch (delete a selection) applies and undoes as one step", () => {
    const doc = sampleDoc();
    const op = batch("Delete selection", [removeNodesOp(doc, ["notify"])!, removeEdgesOp(doc, ["start-out-find_user"])!]);
    const after = roundTrip(doc, op);
    expect(after.nodes).toHaveLength(4);
    expect(after.edges.map((e) => e.id)).toEqual(["find_user-out-known", "known-false-stop"]);
  });

  it("a text edit of the JSON becomes per-step operations, or a whole replacement when lists were reordered", () => {
    const doc = sampleDoc();
    const edited: Doc = { ...doc, nodes: [...doc.nodes.slice(0, 4).map((n) => (n.id === "notify" ? { ...n, label: "Tell" } : n)), { id: "extra", kind: "merge" }], settings: { errorWorkflowId: "w" } };
    const op = diffDocs(doc, edited)!;
    expect(op.t).toBe("batch");
    expect(apply(doc, op)).toEqual(edited);
    roundTrip(doc, op);
    const reordered: Doc = { ...doc, nodes: [...doc.nodes].reverse() };
    const whole = diffDocs(doc, reordered)!;
    expect(whole.t).toBe("replaceDoc");
    roundTrip(doc, whole);
    expect(diffDocs(doc, sampleDoc())).toBeNull();
  });
});

describe("renameNodeId", () => {
  it("renaming a step keeps references working: edges and every {{ steps.<id> }} in other steps follow", () => {
    const doc = sampleDoc();
    const r = renameNodeIdOp(doc, "find_user", "lookup");
    if (!r.ok) throw new Error(r.error);
    const after = roundTrip(doc, r.op);
    const byId = new Map(after.nodes.map((n) => [n.id, n]));
    expect(byId.has("find_user")).toBe(false);
    expect(byId.get("lookup")!.label).toBe("Find user");
    expect(byId.get("known")!.expression).toBe("steps.lookup.output.found == true");
    expect(byId.get("notify")!.input).toEqual({ text: "Hello {{ steps.lookup.output.name }} ({{ steps['lookup'].output.id }})", nested: [{ v: "{{ steps.lookup }}" }] });
    expect(after.edges.filter((e) => e.source === "lookup" || e.target === "lookup").map((e) => e.id)).toEqual(["start-out-find_user", "find_user-out-known"]);
    expect(after.nodes[0]).toBe(doc.nodes[0]);
  });

  it("refuses a taken id, a malformed id, and a name something already refers to (undo would move that reference)", () => {
    const doc = sampleDoc();
    expect(renameNodeIdOp(doc, "find_user", "known")).toEqual({ ok: false, error: 'A step "known" already exists.' });
    expect(renameNodeIdOp(doc, "find_user", "Bad Id").ok).toBe(false);
    const dangling: Doc = { ...doc, nodes: doc.nodes.map((n) => (n.id === "stop" ? { ...n, message: "x", kind: "loop", items: "{{ steps.ghost.output }}" } : n)) };
    const r = renameNodeIdOp(dangling, "find_user", "ghost");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/already refers to "ghost"/);
  });
});

describe("operations that no longer fit the document", () => {
  it("throw OpConflict instead of half-applying", () => {
    const doc = sampleDoc();
    const remove = removeNodesOp(doc, ["notify"])!;
    const changed = apply(doc, setNodeOp(doc, { ...doc.nodes[3]!, label: "changed elsewhere" })!);
    expect(() => apply(changed, remove)).toThrow(OpConflict);
    const move = moveNodesOp(doc, new Map([["start", { x: 9, y: 9 }]]))!;
    expect(() => apply(apply(doc, move), move)).toThrow(/moved since this edit/);
    expect(() => apply(doc, addNodesOp(doc, [{ id: "start", kind: "merge" }]))).toThrow(/already exists/);
  });
});

describe("removing a selection of steps and edges", () => {
  it("is one edit: a step with its edges and a selected edge elsewhere, undone together", () => {
    const doc = sampleDoc();
    const op = removeSelectionOp(doc, ["notify"], ["start-out-find_user", "known-true-notify"])!;
    const after = roundTrip(doc, op);
    expect(after.nodes.map((n) => n.id)).toEqual(["start", "find_user", "known", "stop"]);
    expect(after.edges.map((e) => e.id)).toEqual(["find_user-out-known", "known-false-stop"]);
    expect(removeSelectionOp(doc, [], ["known-false-stop"])).toEqual({ t: "removeEdges", edges: [{ at: 3, value: doc.edges[3] }] });
    expect(removeSelectionOp(doc, [], [])).toBeNull();
  });
});
