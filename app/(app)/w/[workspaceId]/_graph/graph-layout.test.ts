import { describe, expect, it } from "vitest";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from "./graph-layout";

const n = (...ids: string[]) => ids.map((id) => ({ id }));
const e = (source: string, target: string) => ({ source, target });

function overlaps(ps: { x: number; y: number }[]) {
  return ps.some((a, i) => ps.some((b, j) => i < j && Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT));
}

describe("layoutGraph", () => {
  it("puts a chain in one row, left to right", () => {
    const p = layoutGraph(n("start", "a", "b"), [e("start", "a"), e("a", "b")]);
    expect(p.get("start")!.x).toBeLessThan(p.get("a")!.x);
    expect(p.get("a")!.x).toBeLessThan(p.get("b")!.x);
    expect(new Set([...p.values()].map((q) => q.y)).size).toBe(1);
  });

  it("places a node after the longest path into it, and branches side by side without overlap", () => {
    const nodes = n("start", "check", "yes", "no", "join");
    const edges = [e("start", "check"), e("check", "yes"), e("check", "no"), e("yes", "join"), e("no", "join"), e("start", "join")];
    const p = layoutGraph(nodes, edges);
    expect(p.get("yes")!.x).toBe(p.get("no")!.x);
    expect(p.get("yes")!.y).not.toBe(p.get("no")!.y);
    expect(p.get("join")!.x).toBeGreaterThan(p.get("yes")!.x);
    expect(overlaps([...p.values()])).toBe(false);
    // The merge sits between its two inputs.
    expect(p.get("join")!.y).toBeCloseTo((p.get("yes")!.y + p.get("no")!.y) / 2);
  });

  it("orders a column by its predecessors' rows, so two parallel chains do not cross", () => {
    const nodes = n("start", "a1", "b1", "b2", "a2");
    const p = layoutGraph(nodes, [e("start", "a1"), e("start", "b1"), e("b1", "b2"), e("a1", "a2")]);
    expect(Math.sign(p.get("a2")!.y - p.get("b2")!.y)).toBe(Math.sign(p.get("a1")!.y - p.get("b1")!.y));
  });

  it("terminates on a loop body that points back at its loop, and lays the body after the loop", () => {
    const p = layoutGraph(n("start", "each", "work"), [e("start", "each"), e("each", "work"), e("work", "each")]);
    expect(p.get("work")!.x).toBeGreaterThan(p.get("each")!.x);
    expect(p.size).toBe(3);
  });

  it("ignores edges to unknown nodes and self-loops, keeps isolated nodes, and is deterministic", () => {
    const nodes = n("start", "lonely", "a");
    const edges = [e("start", "a"), e("a", "ghost"), e("a", "a")];
    const p = layoutGraph(nodes, edges);
    expect([...p.keys()].sort()).toEqual(["a", "lonely", "start"]);
    expect(overlaps([...p.values()])).toBe(false);
    expect([...layoutGraph(nodes, edges)]).toEqual([...p]);
  });

  it("handles an empty graph", () => {
    expect(layoutGraph([], []).size).toBe(0);
  });
});
