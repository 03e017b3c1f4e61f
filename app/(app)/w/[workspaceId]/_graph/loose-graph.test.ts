import { describe, expect, it } from "vitest";
import { looseGraph, nodeSummary } from "./loose-graph";

describe("looseGraph", () => {
  it("keeps whatever can be drawn from half-typed JSON", () => {
    const g = looseGraph({
      nodes: [{ id: "start", kind: "trigger" }, { id: "call", kind: "action", position: { x: 1, y: 2 } }, { kind: "action" }, { id: "start" }, "junk", { id: "x" }],
      edges: [{ source: "start", target: "call" }, { id: "e2", source: "call", target: "x", sourceHandle: "error" }, { source: 3, target: "x" }],
    });
    expect(g.nodes.map((n) => [n.id, n.kind, n.position])).toEqual([
      ["start", "trigger", undefined],
      ["call", "action", { x: 1, y: 2 }],
      ["x", "unknown", undefined],
    ]);
    expect(g.edges).toEqual([
      { id: "edge-0", source: "start", target: "call", handle: "out" },
      { id: "e2", source: "call", target: "x", handle: "error" },
    ]);
  });

  it("draws nothing from something that is not a graph", () => {
    expect(looseGraph(null)).toEqual({ nodes: [], edges: [], notes: [] });
    expect(looseGraph({ nodes: "no" })).toEqual({ nodes: [], edges: [], notes: [] });
  });

  it("keeps the sticky notes that can be drawn (an id and a position), with their size when they have one", () => {
    const g = looseGraph({
      nodes: [],
      edges: [],
      notes: [{ id: "a", text: "**hi**", position: { x: 1, y: 2 }, width: 300 }, { id: "b", position: { x: "1", y: 2 } }, { id: "c", position: { x: 0, y: 0 }, text: 5 }, "junk", { id: "a", position: { x: 9, y: 9 } }],
    });
    expect(g.notes).toEqual([
      { id: "a", text: "**hi**", position: { x: 1, y: 2 }, width: 300 },
      { id: "c", text: "", position: { x: 0, y: 0 } },
    ]);
  });

  it("summarises each kind in a few words", () => {
    const s = (raw: Record<string, unknown>) => nodeSummary(looseGraph({ nodes: [{ id: "n", ...raw }] }).nodes[0]!);
    expect(s({ kind: "trigger" })).toBe("manual trigger");
    expect(s({ kind: "action", action: { integration: "core", version: "1", key: "http_request" } })).toBe("http_request");
    expect(s({ kind: "action", action: { integration: "github", version: "1", key: "get_user" } })).toBe("github › get_user");
    expect(s({ kind: "branch", expression: "trigger.body.ok" })).toBe("if trigger.body.ok");
    expect(s({ kind: "loop", items: "{{ trigger.body.list }}" })).toBe("for each in {{ trigger.body.list }}");
    expect(s({ kind: "delay", durationMs: 500 })).toBe("wait 500 ms");
    expect(s({ kind: "stop", outcome: "error" })).toBe("stop with error");
  });
});
