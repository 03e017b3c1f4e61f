import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { copySelection, parseSelection, pasteSelection, selectionText } from "./clipboard";
import { apply, invert } from "./ops";

function paste(doc: Doc, text: string) {
  const parsed = parseSelection(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const p = pasteSelection(doc, parsed.selection);
  if (!p.ok) throw new Error(p.error);
  return p;
}

describe("copy and paste of steps", () => {
  it("copies plain JSON with only the edges between the selected steps", () => {
    const sel = copySelection(sampleDoc(), ["find_user", "known", "notify"]);
    expect(sel.junction).toBe("selection");
    expect(sel.version).toBe(1);
    expect(sel.nodes.map((n) => n.id)).toEqual(["find_user", "known", "notify"]);
    expect(sel.edges.map((e) => e.id)).toEqual(["find_user-out-known", "known-true-notify"]);
  });

  it("pasting into the same workflow renames colliding ids, keeps internal edges, rewrites references, offsets positions, in one undoable op", () => {
    const doc = sampleDoc();
    const p = paste(doc, selectionText(copySelection(doc, ["find_user", "known", "notify"])));
    expect(p.ids).toEqual(["find_user_2", "known_2", "notify_2"]);
    const after = apply(doc, p.op);
    const byId = new Map(after.nodes.map((n) => [n.id, n]));
    expect(byId.get("known_2")!.expression).toBe("steps.find_user_2.output.found == true");
    expect(byId.get("notify_2")!.input).toEqual({ text: "Hello {{ steps.find_user_2.output.name }} ({{ steps['find_user_2'].output.id }})", nested: [{ v: "{{ steps.find_user_2 }}" }] });
    expect(byId.get("find_user_2")!.position).toEqual({ x: 280, y: 40 });
    const pastedEdges = after.edges.slice(doc.edges.length);
    expect(pastedEdges).toEqual([
      { id: "find_user_2-out-known_2", source: "find_user_2", target: "known_2" },
      { id: "known_2-true-notify_2", source: "known_2", target: "notify_2", sourceHandle: "true" },
    ]);
    // The originals are untouched, and one undo removes the whole paste.
    expect(after.nodes.slice(0, doc.nodes.length)).toEqual(doc.nodes);
    expect(apply(after, invert(p.op))).toEqual(doc);
  });

  it("a reference to a step that was not copied is left as it was; a second paste counts on (find_user_3)", () => {
    const doc = sampleDoc();
    const text = selectionText(copySelection(doc, ["notify"]));
    const once = apply(doc, paste(doc, text).op);
    const twice = paste(once, text);
    expect(twice.ids).toEqual(["notify_3"]);
    const n = apply(once, twice.op).nodes.at(-1)!;
    expect((n.input as { text: string }).text).toContain("{{ steps.find_user.output.name }}");
  });

  it("pastes into another workflow under the same ids when they are free", () => {
    const other: Doc = { schemaVersion: 1, nodes: [{ id: "hook", kind: "trigger", trigger: "webhook" }], edges: [] };
    const p = paste(other, selectionText(copySelection(sampleDoc(), ["find_user", "known"])));
    expect(p.ids).toEqual(["find_user", "known"]);
    expect(apply(other, p.op).edges.map((e) => e.id)).toEqual(["find_user-out-known"]);
  });

  it("refuses a second trigger with the reason, and pastes the rest", () => {
    const doc = sampleDoc();
    const p = paste(doc, selectionText(copySelection(doc, ["start", "find_user"])));
    expect(p.ids).toEqual(["find_user_2"]);
    expect(p.notes).toEqual(['The trigger "start" was not pasted: a workflow has one trigger, and this one has it already.']);
    const onlyTrigger = pasteSelection(doc, copySelection(doc, ["start"]));
    expect(onlyTrigger).toEqual({ ok: false, error: p.notes[0] });
  });

  it("clipboard text that is not a Junction selection gets a clear message, never an exception", () => {
    const notOurs = "The clipboard does not hold Junction steps. Copy steps in a Junction workflow editor (Ctrl+C), then paste them here.";
    for (const text of ["https://example.com", "a\tb\n1\t2", "{ not json", '{"nodes": []}', "[1,2,3]", '{"junction": "workflow"}']) {
      expect(parseSelection(text)).toEqual({ ok: false, error: notOurs });
    }
    expect(parseSelection("   ")).toEqual({ ok: false, error: "The clipboard is empty." });
    expect(parseSelection('{"junction":"selection","version":2,"nodes":[],"edges":[]}')).toMatchObject({ ok: false, error: expect.stringMatching(/different version of Junction \(clipboard format 2/) });
    expect(parseSelection('{"junction":"selection","version":1,"nodes":[{"id":"Bad Id","kind":"action"}],"edges":[]}')).toMatchObject({ ok: false, error: expect.stringMatching(/^The copied steps are damaged: nodes\.0\.id: Node ids are snake_case/) });
    expect(parseSelection('{"junction":"selection","version":1,"nodes":[{"id":"a","kind":"rocket"}],"edges":[]}')).toMatchObject({ ok: false, error: expect.stringMatching(/nodes\.0\.kind/) });
    const deep = `{"junction":"selection","version":1,"nodes":[{"id":"a","kind":"action","input":${"[".repeat(5000)}${"]".repeat(5000)}}],"edges":[]}`;
    expect(parseSelection(deep)).toEqual({ ok: false, error: "The pasted text nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH)." });
    const huge = `{"junction":"selection","pad":"${"x".repeat(1_100_000)}"}`;
    expect(parseSelection(huge)).toMatchObject({ ok: false, error: expect.stringMatching(/^The pasted text is \d+ bytes of JSON, more than 1048576 \(limit JUNCTION_JSON_MAX_BYTES\)\.$/) });
  });
});
