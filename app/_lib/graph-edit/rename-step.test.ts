import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { emptyHistory, record, redo, undo } from "./history";
import { apply, type Op } from "./ops";
import { renameStepOp } from "./rename-step";

function roundTrip(before: Doc, op: Op): Doc {
  const after = apply(before, op);
  const u = undo(record(emptyHistory(), op), after);
  if (!u.ok) throw new Error(u.error);
  expect(u.doc).toEqual(before);
  const r = redo(u.history, u.doc);
  if (!r.ok) throw new Error(r.error);
  expect(r.doc).toEqual(after);
  return after;
}

describe("renaming a step from its menu", () => {
  it("a new name and id in one undoable edit: edges and references follow the id", () => {
    const doc = sampleDoc();
    const r = renameStepOp(doc, "find_user", { label: "Look up the user", id: "lookup" });
    if (!r.ok || !r.op) throw new Error("expected an edit");
    const after = roundTrip(doc, r.op);
    expect(r.id).toBe("lookup");
    expect(after.nodes[1]).toMatchObject({ id: "lookup", label: "Look up the user" });
    expect(after.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["start>lookup", "lookup>known", "known>notify", "known>stop"]);
    expect(after.nodes.find((n) => n.id === "known")!.expression).toBe("steps.lookup.output.found == true");
    expect(JSON.stringify(after.nodes.find((n) => n.id === "notify")!.input)).toContain("steps.lookup.output.name");
  });

  it("clearing the name removes the label; the same values change nothing", () => {
    const doc = sampleDoc();
    const r = renameStepOp(doc, "find_user", { label: "  ", id: "find_user" });
    if (!r.ok || !r.op) throw new Error("expected an edit");
    expect(roundTrip(doc, r.op).nodes[1]).not.toHaveProperty("label");
    expect(renameStepOp(doc, "find_user", { label: "Find user", id: "find_user" })).toEqual({ ok: true, op: null, id: "find_user" });
  });

  it("an id that is taken or malformed, or a name too long, is refused with the reason and nothing changes", () => {
    const doc = sampleDoc();
    expect(renameStepOp(doc, "find_user", { label: "x", id: "known" })).toEqual({ ok: false, error: 'A step "known" already exists.' });
    expect(renameStepOp(doc, "find_user", { label: "x", id: "Look Up" })).toMatchObject({ ok: false, error: expect.stringMatching(/is not a step id/) });
    expect(renameStepOp(doc, "find_user", { label: "y".repeat(201), id: "find_user" })).toEqual({ ok: false, error: "A step's name holds at most 200 characters (this one has 201)." });
    expect(renameStepOp(doc, "gone", { label: "", id: "gone" })).toEqual({ ok: false, error: 'The step "gone" is no longer there.' });
  });
});
