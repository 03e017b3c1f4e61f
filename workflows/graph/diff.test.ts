import { describe, expect, it } from "vitest";
import { diffGraphs, isEmptyDiff } from "./diff";

const node = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: "action", action: { integration: "core", version: "1.0.0", key: "set" }, input: { v: id }, ...extra });
const edge = (id: string, source: string, target: string, sourceHandle?: string) => ({ id, source, target, ...(sourceHandle ? { sourceHandle } : {}) });

describe("graph diff", () => {
  it("names nodes added, removed and changed by id, and edges added and removed", () => {
    const before = { nodes: [node("a"), node("b"), node("c")], edges: [edge("e1", "a", "b"), edge("e2", "b", "c")] };
    const after = { nodes: [node("a"), node("b", { input: { v: "new" } }), node("d")], edges: [edge("e1", "a", "b"), edge("e3", "b", "d")] };
    expect(diffGraphs(before, after)).toEqual({
      nodes: { added: ["d"], removed: ["c"], changed: ["b"] },
      edges: { added: [edge("e3", "b", "d")], removed: [edge("e2", "b", "c")] },
    });
  });

  it("a node that only moved, or whose keys were reordered, has not changed", () => {
    const before = { nodes: [node("a", { position: { x: 0, y: 0 } })], edges: [] };
    const { id, kind, input } = node("a");
    const after = { nodes: [{ input, action: { key: "set", version: "1.0.0", integration: "core" }, kind, id, position: { x: 300, y: 40 } }], edges: [] };
    expect(isEmptyDiff(diffGraphs(before, after))).toBe(true);
  });

  it("an edge redrawn with a new id between the same exits is no change; a different exit is", () => {
    const before = { nodes: [node("a"), node("b")], edges: [edge("e1", "a", "b")] };
    expect(isEmptyDiff(diffGraphs(before, { ...before, edges: [edge("x9", "a", "b", "out")] }))).toBe(true);
    const d = diffGraphs(before, { ...before, edges: [edge("e1", "a", "b", "error")] });
    expect(d.edges).toEqual({ added: [edge("e1", "a", "b", "error")], removed: [edge("e1", "a", "b")] });
  });

  it("a label change is a change", () => {
    expect(diffGraphs({ nodes: [node("a")], edges: [] }, { nodes: [node("a", { label: "Renamed" })], edges: [] }).nodes.changed).toEqual(["a"]);
  });
});
