import { describe, expect, it } from "vitest";
import { g } from "../testing/harness";
import { connectionChecker, connectionProblem, type Connection, type ConnectGraph } from "./connection";
import { offeredExits } from "./handles";
import { graphIssues } from "./validate";

// trigger → check (if) → true: call, false: done_msg; a loop "each" over a body of one step that leads back.
const base = (): ConnectGraph => ({
  nodes: [
    g.trigger(),
    { id: "check", kind: "branch", mode: "if", expression: "trigger.body.ok" },
    g.set("call", { a: 1 }),
    g.set("done_msg", { a: 2 }),
    { id: "each", kind: "loop", items: "{{ trigger.body.list }}" },
    g.set("body", { v: "{{ item }}" }),
    g.set("after", {}),
    { id: "route", kind: "branch", mode: "switch", expression: "trigger.body.kind", cases: ["a", "b"] },
    { id: "halt", kind: "stop" },
  ],
  edges: [g.edge("start", "check"), g.edge("check", "done_msg", "false"), g.edge("call", "each"), g.edge("each", "body", "each"), g.edge("each", "after", "done")],
});

const withEdge = (graph: ConnectGraph, c: Connection) => ({
  schemaVersion: 1,
  nodes: graph.nodes,
  edges: [...graph.edges, { id: "candidate", source: c.source, target: c.target, ...(c.sourceHandle && c.sourceHandle !== "out" ? { sourceHandle: c.sourceHandle } : {}) }],
});
const structural = (graph: unknown) => graphIssues(graph).filter((i) => i.field === "edges" || i.field === "kind");

describe("connecting two steps in the editor", () => {
  it("accepts an if's true exit to a step, a loop body's edge back to its loop, a switch case, and a second edge from one exit (fan-out)", () => {
    const graph = base();
    const ok: Connection[] = [
      { source: "check", sourceHandle: "true", target: "call" },
      { source: "body", sourceHandle: null, target: "each" },
      { source: "route", sourceHandle: "b", target: "after" },
      { source: "check", sourceHandle: "false", target: "halt" },
    ];
    for (const c of ok) {
      expect(connectionProblem(graph, c), JSON.stringify(c)).toBeNull();
      // The server agrees: the saved graph would have no structural problem more than it has now.
      expect(structural(withEdge(graph, c)).length).toBe(structural({ schemaVersion: 1, ...graph }).length);
    }
  });

  it("refuses an edge into the trigger, with the server's own words", () => {
    expect(connectionProblem(base(), { source: "call", target: "start" })).toBe('Nothing can lead into the trigger ("start").');
  });

  it("refuses a step leading to itself", () => {
    expect(connectionProblem(base(), { source: "call", target: "call" })).toBe('A step cannot lead to itself ("call"); repeat work with a loop node instead.');
  });

  it("refuses a cycle outside a loop, naming a step on it", () => {
    const graph = base();
    const c = { source: "done_msg", target: "check" };
    expect(connectionProblem(graph, c)).toBe('This would close a cycle through "check"; repeat work with a loop node instead.');
    expect(structural(withEdge(graph, c))).toEqual([expect.objectContaining({ message: expect.stringContaining("is on a cycle") })]);
  });

  it("refuses a second trigger leading anywhere", () => {
    const graph = base();
    graph.nodes = [...graph.nodes, g.trigger("other_start")];
    expect(connectionProblem(graph, { source: "other_start", target: "call" })).toBe('A workflow needs exactly one trigger: "other_start" is a second trigger ("start" is the first).');
  });

  it("refuses an exit the step does not have: a stop has none, an if has no \"out\", a switch no unknown case", () => {
    const graph = base();
    expect(connectionProblem(graph, { source: "halt", target: "call" })).toBe('"halt" has no "out" exit.');
    expect(connectionProblem(graph, { source: "check", target: "call" })).toBe('"check" has no "out" exit.');
    expect(connectionProblem(graph, { source: "route", sourceHandle: "c", target: "call" })).toBe('"route" has no "c" exit.');
  });

  it("refuses an edge that is already there (same source, exit and target)", () => {
    expect(connectionProblem(base(), { source: "check", sourceHandle: "false", target: "done_msg" })).toBe('"check" already leads to "done_msg" from its "false" exit.');
  });

  it("refuses an edge that puts a loop's body step also outside the loop", () => {
    const graph = base();
    const c = { source: "after", target: "body" };
    expect(connectionProblem(graph, c)).toMatch(/"body" is inside loop "each" .*reached from outside/);
    expect(structural(withEdge(graph, c)).length).toBeGreaterThan(0);
  });

  it("does not hold the draft's existing problems against a new edge", () => {
    const graph = base();
    // Already a cycle between two unconnected steps; connecting elsewhere is still fine.
    graph.nodes = [...graph.nodes, g.set("x", {}), g.set("y", {})];
    graph.edges = [...graph.edges, g.edge("x", "y"), g.edge("y", "x")];
    expect(connectionProblem(graph, { source: "check", sourceHandle: "true", target: "call" })).toBeNull();
  });

  it("reads a draft whose nodes do not parse yet: a branch without mode or expression still has true/false", () => {
    const graph: ConnectGraph = { nodes: [g.trigger(), { id: "b", kind: "branch" }, { id: "c", kind: "action" }], edges: [] };
    const check = connectionChecker(graph);
    expect(check({ source: "b", sourceHandle: "true", target: "c" })).toBeNull();
    expect(check({ source: "b", sourceHandle: "out", target: "c" })).toBe('"b" has no "out" exit.');
    expect(check({ source: "start", target: "ghost" })).toBe('There is no step "ghost".');
  });
});

describe("the exits a step offers on the canvas", () => {
  it("if: true/false; switch: each case then default; loop: each/done; stop: none; an action: out, and error only when on-error routes", () => {
    expect(offeredExits({ kind: "branch" })).toEqual(["true", "false"]);
    expect(offeredExits({ kind: "branch", mode: "switch", cases: ["a", "b"] })).toEqual(["a", "b", "default"]);
    expect(offeredExits({ kind: "loop" })).toEqual(["each", "done"]);
    expect(offeredExits({ kind: "stop" })).toEqual([]);
    expect(offeredExits({ kind: "trigger" })).toEqual(["out"]);
    expect(offeredExits({ kind: "action", settings: { onError: "continue" } })).toEqual(["out"]);
    expect(offeredExits({ kind: "action", settings: { onError: "route" } })).toEqual(["out", "error"]);
  });
});
