import { describe, expect, it } from "vitest";
import { sampleDoc } from "@/app/_lib/graph-edit/fixtures";
import { serializeHistory } from "@/app/_lib/graph-edit/history";
import { removeNodesOp } from "@/app/_lib/graph-edit/ops";
import { prettyJson } from "@/app/_lib/json-input";
import { draftReducer, initialDraft, type DraftState } from "./draft-document";

const edit = (s: DraftState, ids: string[], now = 0) => draftReducer(s, { type: "edit", build: (doc) => removeNodesOp(doc, ids), now });

describe("the editor's draft state", () => {
  it("a canvas edit rewrites the JSON text and undo puts the text back as it was", () => {
    const s0 = initialDraft(sampleDoc(), 3, null);
    const s1 = edit(s0, ["stop"]);
    expect(s1.text).not.toContain('"stop"');
    const s2 = draftReducer(s1, { type: "undo" });
    expect(s2.text).toBe(s0.text);
    expect(draftReducer(s2, { type: "redo" }).text).toBe(s1.text);
  });

  it("an autosave's answer keeps the objects of the steps it did not change, so the canvas redraws none of them", () => {
    const s1 = edit(initialDraft(sampleDoc(), 1, null), ["stop"]);
    // What the server answers: the same graph, re-read (new objects throughout).
    const saved = draftReducer(s1, { type: "saved", value: JSON.parse(s1.text), revision: 2, sentText: s1.text, adopt: true });
    expect(saved.doc!.nodes.length).toBeGreaterThan(1);
    saved.doc!.nodes.forEach((n, i) => expect(n).toBe(s1.doc!.nodes[i]));
    saved.doc!.edges.forEach((e, i) => expect(e).toBe(s1.doc!.edges[i]));
    expect(saved.text).toBe(prettyJson(saved.doc));
  });

  it("typing in the JSON joins the same history, one entry per pause", () => {
    const s0 = initialDraft(sampleDoc(), 1, null);
    const typed = (s: DraftState, label: string, now: number) => draftReducer(s, { type: "typed", text: prettyJson({ ...sampleDoc(), nodes: sampleDoc().nodes.map((n) => (n.id === "known" ? { ...n, label } : n)) }), now });
    const s1 = typed(typed(s0, "K", 100), "Kn", 300);
    expect(s1.history.undo).toHaveLength(1);
    const back = draftReducer(s1, { type: "undo" });
    expect(JSON.parse(back.text)).toEqual(sampleDoc());
  });

  it("while the JSON does not parse, a canvas edit or undo is refused with the reason and the typed text is kept", () => {
    const s1 = edit(initialDraft(sampleDoc(), 1, null), ["stop"]);
    const broken = draftReducer(s1, { type: "typed", text: '{"nodes": [', now: 5000 });
    expect(broken.parses).toBe(false);
    const refused = draftReducer(broken, { type: "undo" });
    expect(refused.text).toBe('{"nodes": [');
    expect(refused.notice?.text).toMatch(/^Fix the draft's JSON first: Not valid JSON/);
    expect(edit(broken, ["known"]).text).toBe('{"nodes": [');
  });

  it("loads the history saved with the draft, and says so when it no longer fits", () => {
    const s1 = edit(initialDraft(sampleDoc(), 1, null), ["stop"]);
    const reloaded = initialDraft(JSON.parse(s1.text), 2, JSON.parse(JSON.stringify(serializeHistory(s1.history))));
    expect(reloaded.notice).toBeNull();
    expect(JSON.parse(draftReducer(reloaded, { type: "undo" }).text)).toEqual(sampleDoc());
    const elsewhere = initialDraft(sampleDoc(), 2, serializeHistory(s1.history));
    expect(elsewhere.history.undo).toEqual([]);
    expect(elsewhere.notice?.text).toMatch(/^The undo history was not restored/);
  });
});

describe("a burst of typing in the JSON", () => {
  it("is one undo step no bigger than the change itself, however many keystrokes", () => {
    let s = initialDraft(sampleDoc(), 1, null);
    for (let i = 1; i <= 200; i++) {
      const doc = { ...sampleDoc(), nodes: sampleDoc().nodes.map((n) => (n.id === "stop" || n.id === "known" ? { ...n, label: "x".repeat(i) } : n)) };
      s = draftReducer(s, { type: "typed", text: prettyJson(doc), now: i * 50 });
    }
    expect(s.history.undo).toHaveLength(1);
    expect(s.history.undo[0]!.bytes).toBeLessThan(1000);
    expect(JSON.parse(draftReducer(s, { type: "undo" }).text)).toEqual(sampleDoc());
  });
});
