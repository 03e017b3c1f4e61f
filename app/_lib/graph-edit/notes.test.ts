import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { emptyHistory, record, redo, restoreHistory, serializeHistory, undo, type History } from "./history";
import { addNoteOp, removeNotesOp, updateNoteOp } from "./notes";
import { apply, type Op } from "./ops";

/** Applies an edit and records it, as the editor does. */
function edit(state: { doc: Doc; h: History }, op: Op | null): { doc: Doc; h: History } {
  expect(op).not.toBeNull();
  return { doc: apply(state.doc, op!), h: record(state.h, op!) };
}

describe("sticky notes as undoable edits", () => {
  it("add, type, move, resize and delete a note; undo walks back to the draft without notes exactly, redo forward exactly", () => {
    const start = sampleDoc();
    const states: Doc[] = [start];
    let s = { doc: start, h: emptyHistory() };
    const added = addNoteOp(s.doc, { x: 10.4, y: -20.6 }, "first");
    s = edit(s, added.op);
    states.push(s.doc);
    expect(s.doc.notes).toEqual([{ id: "note", text: "first", position: { x: 10, y: -21 }, width: 240, height: 140 }]);
    for (const patch of [{ text: "**Plan**: call the API" }, { position: { x: 300, y: 40 } }, { width: 320.2, height: 180 }]) {
      s = edit(s, updateNoteOp(s.doc, added.id, patch));
      states.push(s.doc);
    }
    s = edit(s, addNoteOp(s.doc, { x: 0, y: 0 }, "second").op);
    states.push(s.doc);
    expect(s.doc.notes!.map((n) => n.id)).toEqual(["note", "note_2"]);
    s = edit(s, removeNotesOp(s.doc, new Set(["note", "note_2"])));
    states.push(s.doc);
    expect("notes" in s.doc).toBe(false);

    // The history survives being stored with the draft and restored after a reload.
    const restored = restoreHistory(JSON.parse(JSON.stringify(serializeHistory(s.h))), s.doc);
    expect(restored.note).toBeNull();
    let h = restored.history;
    let doc = s.doc;
    for (let i = states.length - 2; i >= 0; i--) {
      const r = undo(h, doc);
      if (!r.ok) throw new Error(r.error);
      ({ doc, history: h } = r);
      expect(doc).toEqual(states[i]);
    }
    expect(doc).toStrictEqual(start);
    for (let i = 1; i < states.length; i++) {
      const r = redo(h, doc);
      if (!r.ok) throw new Error(r.error);
      ({ doc, history: h } = r);
      expect(doc).toEqual(states[i]);
    }
  });

  it("an edit of a note that is gone, or that changes nothing, is no edit", () => {
    const doc = apply(sampleDoc(), addNoteOp(sampleDoc(), { x: 0, y: 0 }, "x").op);
    expect(updateNoteOp(doc, "ghost", { text: "y" })).toBeNull();
    expect(updateNoteOp(doc, "note", { text: "x" })).toBeNull();
    expect(removeNotesOp(doc, new Set(["ghost"]))).toBeNull();
  });
});
