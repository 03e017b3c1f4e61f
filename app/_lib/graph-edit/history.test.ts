import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { apply, batch, moveNodesOp, removeNodesOp, setNodeOp, type Op } from "./ops";
import { emptyHistory, HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, record, redo, restoreHistory, serializeHistory, undo, type History } from "./history";

/** Applies and records an edit, as the editor does. */
function edit(state: { doc: Doc; h: History }, op: Op, options?: { key?: string; now?: number }) {
  state.doc = apply(state.doc, op);
  state.h = record(state.h, op, options);
}

function must<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error((r as unknown as { error: string }).error);
  return r as Extract<T, { ok: true }>;
}

describe("undo history", () => {
  it("undo restores a deleted step with its edges and redo deletes it again", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    edit(s, removeNodesOp(s.doc, ["known"])!);
    const u = must(undo(s.h, s.doc));
    expect(u.doc).toEqual(sampleDoc());
    const r = must(redo(u.history, u.doc));
    expect(r.doc.nodes.map((n) => n.id)).not.toContain("known");
    expect(undo(emptyHistory(), s.doc)).toMatchObject({ ok: false, error: "Nothing to undo." });
  });

  it("a batch (paste, tidy-up) undoes in one step", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    edit(s, batch("Tidy up", [moveNodesOp(s.doc, new Map([["start", { x: 1, y: 1 }], ["stop", { x: 2, y: 2 }]]))!, setNodeOp(s.doc, { ...s.doc.nodes[0]!, label: "Go" })!]));
    expect(s.h.undo).toHaveLength(1);
    expect(must(undo(s.h, s.doc)).doc).toEqual(sampleDoc());
  });

  it("typing in one field coalesces into one entry; a pause, another field or another step starts a new one", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    const type = (label: string, now: number, id = "find_user") => edit(s, setNodeOp(s.doc, { ...s.doc.nodes.find((n) => n.id === id)!, label })!, { key: `field:${id}:label`, now });
    type("F", 1000);
    type("Fi", 1200);
    type("Fin", 1400);
    expect(s.h.undo).toHaveLength(1);
    type("Find", 5000);
    type("x", 5100, "known");
    expect(s.h.undo).toHaveLength(3);
    let u = must(undo(s.h, s.doc));
    u = must(undo(u.history, u.doc));
    expect(u.doc.nodes[1]!.label).toBe("Fin");
    u = must(undo(u.history, u.doc));
    expect(u.doc).toEqual(sampleDoc());
  });

  it("a drag's moves coalesce into one entry that returns the step to where the drag began", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    for (let i = 1; i <= 20; i++) edit(s, moveNodesOp(s.doc, new Map([["notify", { x: 720 + i, y: -80 + i }]]))!, { key: "drag:1", now: i * 16 });
    expect(s.h.undo).toHaveLength(1);
    expect(must(undo(s.h, s.doc)).doc).toEqual(sampleDoc());
  });

  it("a new edit clears redo", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    edit(s, removeNodesOp(s.doc, ["stop"])!);
    const u = must(undo(s.h, s.doc));
    s.doc = u.doc;
    s.h = u.history;
    expect(s.h.redo).toHaveLength(1);
    edit(s, removeNodesOp(s.doc, ["notify"])!);
    expect(s.h.redo).toHaveLength(0);
  });

  it(`keeps at most ${HISTORY_MAX_ENTRIES} entries and ${HISTORY_MAX_BYTES} bytes, dropping the oldest`, () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    for (let i = 0; i < HISTORY_MAX_ENTRIES + 50; i++) edit(s, moveNodesOp(s.doc, new Map([["start", { x: i + 1, y: 0 }]]))!);
    expect(s.h.undo).toHaveLength(HISTORY_MAX_ENTRIES);
    const big = "x".repeat(20_000);
    for (let i = 0; i < 30; i++) edit(s, setNodeOp(s.doc, { ...s.doc.nodes[4]!, message: `${big}${i}` })!);
    const bytes = s.h.undo.reduce((sum, e) => sum + e.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(HISTORY_MAX_BYTES);
    expect(s.h.undo.length).toBeLessThan(30);
  });
});

describe("the history stored with the draft", () => {
  it("after a reload (serialise → JSON → restore), undo and redo work", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    edit(s, removeNodesOp(s.doc, ["known"])!);
    edit(s, moveNodesOp(s.doc, new Map([["start", { x: 50, y: 50 }]]))!);
    const u = must(undo(s.h, s.doc));
    const stored = JSON.parse(JSON.stringify(serializeHistory(u.history))) as unknown;
    const savedDraft = JSON.parse(JSON.stringify(u.doc)) as Doc;

    const { history, note } = restoreHistory(stored, savedDraft);
    expect(note).toBeNull();
    const back = must(undo(history, savedDraft));
    expect(back.doc).toEqual(sampleDoc());
    const again = must(redo(back.history, back.doc));
    expect(again.doc).toEqual(savedDraft);
    const forward = must(redo(history, savedDraft));
    expect(forward.doc.nodes[0]!.position).toEqual({ x: 50, y: 50 });
  });

  it("a history that no longer fits the draft (changed elsewhere) is dropped with a note, not applied", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    edit(s, setNodeOp(s.doc, { ...s.doc.nodes[1]!, label: "Mine" })!);
    const stored = serializeHistory(s.h);
    const elsewhere = apply(s.doc, setNodeOp(s.doc, { ...s.doc.nodes[1]!, label: "Theirs" })!);
    const r = restoreHistory(stored, elsewhere);
    expect(r.history).toEqual(emptyHistory());
    expect(r.note).toMatch(/^The undo history was not restored: the draft was changed elsewhere/);
  });

  it("garbage in the stored history is dropped with a note and never throws", () => {
    for (const junk of [42, "x", { format: 9, undo: [], redo: [] }, { format: 1, undo: [{ t: "explode" }], redo: [] }, { format: 1, undo: [{ t: "moveNodes" }], redo: [] }]) {
      const r = restoreHistory(junk, sampleDoc());
      expect(r.history).toEqual(emptyHistory());
      expect(r.note).toMatch(/^The undo history was not restored/);
    }
    expect(restoreHistory(null, sampleDoc())).toEqual({ history: emptyHistory(), note: null });
    expect(serializeHistory(emptyHistory())).toBeNull();
  });
});

describe("the history and the server's defaults", () => {
  it("still fits a draft the server stored with defaults filled in (a step re-added by undo, then saved)", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    edit(s, removeNodesOp(s.doc, ["notify"])!);
    const u = must(undo(s.h, s.doc));
    // What the server stores: the same steps with the schema's defaults (settings, input) filled in.
    const saved: Doc = { ...u.doc, nodes: u.doc.nodes.map((n) => (n.kind === "action" ? { ...n, settings: { onError: "fail" }, connectionId: undefined } : n)) };
    const { history, note } = restoreHistory(JSON.parse(JSON.stringify(serializeHistory(u.history))), JSON.parse(JSON.stringify(saved)) as Doc);
    expect(note).toBeNull();
    const again = must(redo(history, saved));
    expect(again.doc.nodes.map((n) => n.id)).not.toContain("notify");
  });
});

describe("coalescing stays flat", () => {
  it("a long run of coalesced multi-step edits is one flat batch, not nested once per edit (the server bounds JSON depth)", () => {
    const s = { doc: sampleDoc(), h: emptyHistory() };
    for (let i = 1; i <= 300; i++) {
      const op = batch("Edit JSON", [moveNodesOp(s.doc, new Map([["start", { x: i, y: 0 }]]))!, setNodeOp(s.doc, { ...s.doc.nodes[4]!, message: `m${i}` })!]);
      edit(s, op, { key: "text", now: i * 10 });
    }
    expect(s.h.undo).toHaveLength(1);
    const depth = (v: unknown): number => (v && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    expect(depth(serializeHistory(s.h))).toBeLessThan(12);
    expect(must(undo(s.h, s.doc)).doc).toEqual(sampleDoc());
  });
});
