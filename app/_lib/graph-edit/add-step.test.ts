import { describe, expect, it } from "vitest";
import { addStepOp, freeSpotNear, handlesOf } from "./add-step";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { emptyHistory, record, redo, undo } from "./history";
import { apply, type Op } from "./ops";
import { paletteEntries, type PaletteEntry } from "./palette";

const catalog = [
  {
    slug: "http-request",
    name: "HTTP Request",
    version: "1.2.0",
    description: "Send any HTTP request.",
    actions: [
      {
        key: "send_request",
        name: "Send HTTP request",
        description: "Calls a URL.",
        input: { type: "object", required: ["url", "options"], properties: { method: { type: "string", default: "GET" }, url: { type: "string" }, options: { type: "object", properties: { timeoutMs: { type: "integer" } } } } },
      },
    ],
    triggers: [{ key: "new_item", name: "New item", description: "Polls for new items.", kind: "polling" as const, input: { type: "object", properties: { every: { type: "integer", default: 5 } } } }],
  },
];
const entries = paletteEntries(catalog);
const entry = (name: string): PaletteEntry => entries.find((e) => e.name === name)!;

function must(r: ReturnType<typeof addStepOp>): { op: Op; id: string } {
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Applies the op through the undo history, as the editor does, and checks undo and redo restore each side exactly. */
function roundTrip(before: Doc, op: Op): Doc {
  const after = apply(before, op);
  const h = record(emptyHistory(), op);
  const u = undo(h, after);
  if (!u.ok) throw new Error(u.error);
  expect(u.doc).toEqual(before);
  const r = redo(u.history, u.doc);
  if (!r.ok) throw new Error(r.error);
  expect(r.doc).toEqual(after);
  return after;
}

describe("adding a step from the palette", () => {
  it("dropped on the canvas: a unique id from the entry's name, the schema's defaults, where it was dropped; undo removes it", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("Send HTTP request"), { at: { x: 300.4, y: 400 } }));
    const after = roundTrip(doc, op);
    expect(id).toBe("send_http_request");
    expect(after.nodes.at(-1)).toEqual({
      id: "send_http_request",
      kind: "action",
      action: { integration: "http-request", version: "1.2.0", key: "send_request" },
      input: { method: "GET", options: {} },
      position: { x: 300, y: 400 },
    });
    const again = must(addStepOp(after, entry("Send HTTP request"), { at: { x: 0, y: 900 } }));
    expect(again.id).toBe("send_http_request_2");
  });

  it("after a step: connected from its first free exit, placed right of it where no step is", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("Delay"), { after: "notify" }));
    const after = roundTrip(doc, op);
    expect(after.edges.at(-1)).toEqual({ id: "notify-out-delay", source: "notify", target: "delay" });
    expect(after.nodes.find((n) => n.id === id)).toMatchObject({ kind: "delay", durationMs: 60_000, position: { x: 960, y: -80 } });
  });

  it("after a branch's handle: the edge leaves by that handle, and the step goes below what is there", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("Set data"), { after: "known", handle: "false" }));
    const after = roundTrip(doc, op);
    expect(after.edges.at(-1)).toEqual({ id: "known-false-set", source: "known", target: "set", sourceHandle: "false" });
    // Right of the branch, one row down for "false" — where "stop" already is, so one row further.
    expect(after.nodes.find((n) => n.id === id)!.position).toEqual({ x: 720, y: 184 });
  });

  it("after a stop step is refused with the reason", () => {
    expect(addStepOp(sampleDoc(), entry("Delay"), { after: "stop" })).toEqual({ ok: false, error: '"stop" is a stop step: nothing runs after it.' });
  });

  it("into an edge: one batch removes the edge and adds the step with an edge on each side; one undo restores the edge", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("If"), { onEdge: "find_user-out-known" }));
    expect(op).toMatchObject({ t: "batch", label: "Insert If" });
    const after = roundTrip(doc, op);
    expect(after.edges.map((e) => e.id)).not.toContain("find_user-out-known");
    expect(after.edges.filter((e) => e.source === id || e.target === id)).toEqual([
      { id: "find_user-out-if", source: "find_user", target: "if" },
      { id: "if-true-known", source: "if", target: "known", sourceHandle: "true" },
    ]);
    // No room between find_user (x 240) and known (x 480): the step takes known's place, known and what follows move right.
    expect(after.nodes.find((n) => n.id === id)!.position).toEqual({ x: 480, y: 0 });
    expect(Object.fromEntries(after.nodes.map((n) => [n.id, (n.position as { x: number }).x]))).toEqual({ start: 0, find_user: 240, known: 720, notify: 960, stop: 960, if: 480 });
  });

  it("into an edge with room between its ends: the step sits halfway and nothing moves", () => {
    const doc = sampleDoc();
    doc.nodes[2]!.position = { x: 800, y: 40 };
    const { op, id } = must(addStepOp(doc, entry("Send HTTP request"), { onEdge: "find_user-out-known" }));
    const after = roundTrip(doc, op);
    expect(after.nodes.find((n) => n.id === id)!.position).toEqual({ x: 520, y: 20 });
    expect(op).toMatchObject({ ops: [{ t: "removeEdges" }, { t: "addNodes" }] });
  });

  it("into an edge that leaves by a handle keeps that handle on the edge into the new step", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("Loop"), { onEdge: "known-false-stop" }));
    const after = roundTrip(doc, op);
    expect(after.edges.filter((e) => e.source === id || e.target === id)).toEqual([
      { id: "known-false-loop", source: "known", target: "loop", sourceHandle: "false" },
      { id: "loop-each-stop", source: "loop", target: "stop", sourceHandle: "each" },
    ]);
  });

  it("a stop cannot go into an edge, nor a trigger after a step: each says why", () => {
    expect(addStepOp(sampleDoc(), entry("Stop"), { onEdge: "start-out-find_user" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Stop ends its path/) });
    expect(addStepOp(sampleDoc(), entry("Webhook"), { after: "find_user" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Webhook is a trigger/) });
    expect(addStepOp(sampleDoc(), entry("If"), { onEdge: "gone" })).toEqual({ ok: false, error: "That connection is no longer there." });
  });

  it("a trigger into a draft that has one replaces it in place: same id, position and edges; undo brings the old one back", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("Webhook"), { free: true }));
    const after = roundTrip(doc, op);
    expect(id).toBe("start");
    expect(after.nodes[0]).toEqual({ id: "start", kind: "trigger", trigger: "webhook", position: { x: 0, y: 0 } });
    expect(after.edges).toEqual(doc.edges);
    const polling = must(addStepOp(after, entry("New item"), { at: { x: 999, y: 999 } }));
    expect(apply(after, polling.op).nodes[0]).toEqual({
      id: "start",
      kind: "trigger",
      trigger: "polling",
      app: { integration: "http-request", version: "1.2.0", key: "new_item", config: { every: 5 } },
      position: { x: 0, y: 0 },
    });
  });

  it("a trigger into a draft without one goes left of the first step; into an empty draft, at the origin", () => {
    const doc: Doc = { ...sampleDoc(), nodes: sampleDoc().nodes.slice(1), edges: sampleDoc().edges.slice(1) };
    const { op, id } = must(addStepOp(doc, entry("Webhook"), { free: true }));
    expect(roundTrip(doc, op).nodes.find((n) => n.id === id)).toEqual({ id: "webhook", kind: "trigger", trigger: "webhook", position: { x: 0, y: -80 } });
    const empty: Doc = { schemaVersion: 1, nodes: [], edges: [] };
    const first = must(addStepOp(empty, entry("Webhook"), { free: true }));
    expect(roundTrip(empty, first.op).nodes).toEqual([{ id: "webhook", kind: "trigger", trigger: "webhook", position: { x: 0, y: 0 } }]);
  });

  it("at a free spot: right of the rightmost step; a draft laid out automatically gets no position, so it stays automatic", () => {
    const doc = sampleDoc();
    const { op, id } = must(addStepOp(doc, entry("Merge"), { free: true }));
    expect(roundTrip(doc, op).nodes.find((n) => n.id === id)!.position).toEqual({ x: 960, y: -80 });
    const auto: Doc = { ...doc, nodes: doc.nodes.map(({ position: _p, ...n }) => n) };
    const a = must(addStepOp(auto, entry("Merge"), { free: true }));
    expect(roundTrip(auto, a.op).nodes.at(-1)).toEqual({ id: "merge", kind: "merge", mode: "all" });
  });
});

describe("step shapes", () => {
  it("lists each kind's exits in connection order", () => {
    expect(handlesOf({ kind: "action" })).toEqual(["out"]);
    expect(handlesOf({ kind: "branch" })).toEqual(["true", "false"]);
    expect(handlesOf({ kind: "branch", mode: "switch", cases: ["a", "b"] })).toEqual(["a", "b", "default"]);
    expect(handlesOf({ kind: "loop" })).toEqual(["each", "done"]);
    expect(handlesOf({ kind: "stop" })).toEqual([]);
  });

  it("finds a free spot below a covered one", () => {
    expect(freeSpotNear(sampleDoc(), { x: 250, y: 10 })).toEqual({ x: 250, y: 102 });
  });
});
