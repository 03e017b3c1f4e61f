import { describe, expect, it } from "vitest";
import type { Graph } from "../../workflows/graph";
import { reusableNodes } from "./reusable-nodes";

const set = (id: string, input: Record<string, unknown>, position = { x: 0, y: 0 }) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input, position });
const graph = (nodes: unknown[], edges: [string, string][]) =>
  ({ schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, ...nodes], edges: edges.map(([source, target]) => ({ id: `${source}-${target}`, source, target })) }) as unknown as Graph;

describe("which step outputs a retry on a newer version may reuse", () => {
  const before = graph([set("a", { x: 1 }), set("b", { y: "{{ steps.a.output.x }}" }), set("c", { z: 3 })], [["start", "a"], ["a", "b"], ["start", "c"]]);

  it("a changed step runs again, and so does every step downstream of it; an unchanged branch is reused", () => {
    const after = graph([set("a", { x: 2 }), set("b", { y: "{{ steps.a.output.x }}" }), set("c", { z: 3 })], [["start", "a"], ["a", "b"], ["start", "c"]]);
    expect([...reusableNodes(before, after)].sort()).toEqual(["c", "start"]);
  });

  it("moving a step on the canvas changes nothing it computes", () => {
    const after = graph([set("a", { x: 1 }, { x: 500, y: 90 }), set("b", { y: "{{ steps.a.output.x }}" }), set("c", { z: 3 })], [["start", "a"], ["a", "b"], ["start", "c"]]);
    expect([...reusableNodes(before, after)].sort()).toEqual(["a", "b", "c", "start"]);
  });

  it("a step that now reads from a new step runs again", () => {
    const after = graph([set("a", { x: 1 }), set("n", {}), set("b", { y: "{{ steps.a.output.x }}" }), set("c", { z: 3 })], [["start", "a"], ["a", "n"], ["n", "b"], ["start", "c"]]);
    expect([...reusableNodes(before, after)].sort()).toEqual(["a", "c", "start"]);
  });
});
