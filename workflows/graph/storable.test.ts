import { describe, expect, it } from "vitest";
import { g } from "../testing/harness";
import { DEFAULT_GRAPH_LIMITS } from "./limits";
import { inspectGraph } from "./validate";

const graph = (nodes: unknown[], edges: unknown[] = []) => ({ schemaVersion: 1, nodes, edges });

describe("structural errors and problems", () => {
  it("an incomplete graph is storable: its problems come with what to store, defaults filled in per node", () => {
    const r = inspectGraph(graph([g.trigger(), { id: "check", kind: "branch", expression: "" }, g.set("after", {})], [g.edge("after", "ghost")]));
    expect(r.structural).toBe(false);
    expect(r.issues).toEqual([{ nodeId: "check", field: "expression", message: "Give the branch an expression" }]);
    expect(r.draft!.nodes).toEqual([
      { id: "start", kind: "trigger", trigger: "manual" },
      { id: "check", kind: "branch", expression: "" },
      expect.objectContaining({ id: "after", settings: { onError: "fail" } }),
    ]);
  });

  it("an empty graph (a new workflow) is storable, with its missing trigger as the problem", () => {
    expect(inspectGraph(graph([]))).toMatchObject({ structural: false, issues: [{ field: "kind", message: "A workflow needs exactly one trigger" }] });
  });

  it("what cannot be stored: outer shape, node id and kind, duplicate node or edge ids, size and loop nesting", () => {
    const structural = (input: unknown, limits = DEFAULT_GRAPH_LIMITS) => {
      const r = inspectGraph(input, undefined, limits);
      return r.structural ? r.issues.map((i) => `${i.nodeId ?? "-"} ${i.field}`) : null;
    };
    expect(structural({ schemaVersion: 2, nodes: [], edges: [] })).toEqual(["- schemaVersion"]);
    expect(structural(graph([g.trigger(), { id: "x", kind: "portal" }]))).toEqual(["x kind"]);
    expect(structural(graph([{ id: "Start", kind: "trigger" }]))).toEqual(["Start id"]);
    expect(structural(graph([g.trigger(), g.trigger()]))).toEqual(["start id"]);
    expect(structural(graph([g.trigger(), g.set("a", {})], [g.edge("start", "a"), g.edge("start", "a")]))).toEqual(["- edges.1.id"]);
    expect(structural(graph([g.trigger()], [{ id: "e", source: "start" }]))).toEqual(["- edges.0.target"]);
    const loops = [g.trigger(), { id: "a", kind: "loop", items: "{{ x }}" }, { id: "b", kind: "loop", items: "{{ x }}" }];
    expect(structural(graph(loops, [g.edge("start", "a"), g.edge("a", "b", "each")]), { ...DEFAULT_GRAPH_LIMITS, maxLoopNesting: 1 })).toBeNull();
    const deeper = [...loops, g.set("c", {})];
    expect(structural(graph(deeper, [g.edge("start", "a"), g.edge("a", "b", "each"), g.edge("b", "c", "each")]), { ...DEFAULT_GRAPH_LIMITS, maxLoopNesting: 1 })).toEqual(["c graph"]);
  });
});
