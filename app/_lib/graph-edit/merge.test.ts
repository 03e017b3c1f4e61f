import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { sampleDoc } from "./fixtures";
import { mergeDocs, resolveMerge } from "./merge";
import { apply, connectOp, removeNodesOp, setNodeOp } from "./ops";

const relabel = (doc: Doc, id: string, label: string) => apply(doc, setNodeOp(doc, { ...doc.nodes.find((n) => n.id === id)!, label })!);

describe("three-way merge of a stale draft", () => {
  it("edits of different steps merge automatically, keeping both", () => {
    const base = sampleDoc();
    const mine = apply(relabel(base, "notify", "Tell them"), connectOp(base, "notify", "stop")!);
    const theirs = relabel(removeNodesOpApplied(base, "start"), "find_user", "Lookup");
    const r = mergeDocs(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.autoMerged).toBe(2);
    const byId = new Map(r.merged.nodes.map((n) => [n.id, n]));
    expect(byId.get("notify")!.label).toBe("Tell them");
    expect(byId.get("find_user")!.label).toBe("Lookup");
    expect(byId.has("start")).toBe(false);
    expect(r.merged.edges.map((e) => e.id)).toEqual(["find_user-out-known", "known-true-notify", "known-false-stop", "notify-out-stop"]);
  });

  it("the same step changed on both sides is a conflict showing both values; the person's choice decides", () => {
    const base = sampleDoc();
    const mine = relabel(base, "known", "Mine");
    const theirs = relabel(base, "known", "Theirs");
    const r = mergeDocs(base, mine, theirs);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ key: "node:known", kind: "node", id: "known", mine: { label: "Mine" }, theirs: { label: "Theirs" }, reason: 'Both edits changed the step "known", differently.' });
    expect(resolveMerge(r, { "node:known": "theirs" }).nodes.find((n) => n.id === "known")!.label).toBe("Theirs");
    expect(resolveMerge(r, { "node:known": "mine" }).nodes.find((n) => n.id === "known")!.label).toBe("Mine");
  });

  it("the same change on both sides is no conflict", () => {
    const base = sampleDoc();
    expect(mergeDocs(base, relabel(base, "known", "Same"), relabel(base, "known", "Same")).conflicts).toEqual([]);
  });

  it("a step the server stored with its defaults filled in is not a conflict with the same step as this tab sent it", () => {
    // This tab autosaved "known" without settings; the other tab's copy came back from the server with defaults.
    const base = sampleDoc();
    const mine = relabel(base, "known", "Mine");
    const theirs = { ...base, nodes: base.nodes.map((n) => (n.id === "known" ? { ...n, mode: "if", cases: [] } : n)) };
    const r = mergeDocs(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.nodes.find((n) => n.id === "known")!.label).toBe("Mine");
  });

  it("deleted on one side and edited on the other is a conflict, both ways", () => {
    const base = sampleDoc();
    const r = mergeDocs(base, removeNodesOpApplied(base, "notify"), relabel(base, "notify", "Edited"));
    expect(r.conflicts.map((c) => [c.key, c.reason])).toEqual([["node:notify", 'You deleted the step "notify"; the other edit changed it.']]);
    expect(resolveMerge(r, { "node:notify": "theirs" }).nodes.some((n) => n.id === "notify")).toBe(true);
    const flipped = mergeDocs(base, relabel(base, "notify", "Edited"), removeNodesOpApplied(base, "notify"));
    expect(flipped.conflicts[0]!.reason).toBe('The other edit deleted the step "notify"; you changed it.');
  });

  it("an edge added to a step the other side deleted is a conflict, not a silent dangling edge", () => {
    const base = sampleDoc();
    const mine = apply(base, connectOp(base, "notify", "stop")!);
    const theirs = removeNodesOpApplied(base, "stop");
    const r = mergeDocs(base, mine, theirs);
    expect(r.conflicts.map((c) => c.key)).toEqual(["edge:notify-out-stop"]);
    expect(r.conflicts[0]!.reason).toBe('The edge "notify-out-stop" leads to the step "stop", which the other edit deleted.');
    expect(r.merged.edges.some((e) => e.target === "stop")).toBe(false);
  });
});

function removeNodesOpApplied(doc: Doc, id: string): Doc {
  return apply(doc, removeNodesOp(doc, [id])!);
}
