import { describe, expect, it } from "vitest";
import { g } from "../testing/harness";
import { graphIssues, inspectGraph } from "./validate";

const graph = (nodes: unknown[], edges: unknown[]) => ({ schemaVersion: 1, nodes, edges });

describe("graph validation", () => {
  it("accepts a graph with a branch, a loop and a merge", () => {
    const nodes = [
      g.trigger(),
      { id: "check", kind: "branch", expression: "trigger.body.n > 1" },
      { id: "each", kind: "loop", items: "{{ trigger.body.list }}", concurrency: 2 },
      g.set("inner", { v: "{{ item }}" }),
      g.set("other", {}),
      { id: "join", kind: "merge", mode: "first" },
    ];
    const edges = [g.edge("start", "check"), g.edge("check", "each", "true"), g.edge("check", "other", "false"), g.edge("each", "inner", "each"), g.edge("inner", "each"), g.edge("each", "join", "done"), g.edge("other", "join")];
    expect(graphIssues(graph(nodes, edges))).toEqual([]);
  });

  it("names the node and field of each problem", () => {
    const nodes = [g.trigger(), g.http("call", {}), { id: "odd", kind: "action", action: { integration: "nope", version: "1", key: "x" }, input: { a: "{{ 1 + }}" } }];
    const issues = graphIssues(graph(nodes, [g.edge("start", "call"), g.edge("call", "ghost")]));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: "call", field: "input.url", message: '"url" is required' }),
        expect.objectContaining({ nodeId: "odd", field: "action", message: "Unknown action nope@1/x" }),
        expect.objectContaining({ nodeId: "odd", field: "input.a" }),
        expect.objectContaining({ nodeId: "call", field: "edges", message: expect.stringContaining('points to "ghost"') }),
      ]),
    );
  });

  it("refuses an unclosed {{ in a step input, a loop's items and a delay's time, naming node and field", () => {
    const nodes = [g.trigger(), g.set("greet", { text: "Hello {{ trigger.body.name" }), { id: "each", kind: "loop", items: "{{ trigger.body.list" }, { id: "wait", kind: "delay", until: "{{ trigger.body.at" }];
    const issues = graphIssues(graph(nodes, [g.edge("start", "greet"), g.edge("greet", "each"), g.edge("each", "wait", "done")]));
    expect(issues).toEqual([
      { nodeId: "greet", field: "input.text", message: expect.stringContaining("never closed") },
      { nodeId: "each", field: "items", message: expect.stringContaining("never closed") },
      { nodeId: "wait", field: "until", message: expect.stringContaining("never closed") },
    ]);
  });

  it("refuses cycles outside loops but allows a loop body's edge back to its loop", () => {
    const cyc = graphIssues(graph([g.trigger(), g.set("a", {}), g.set("b", {})], [g.edge("start", "a"), g.edge("a", "b"), g.edge("b", "a")]));
    expect(cyc).toEqual([expect.objectContaining({ nodeId: "a", field: "edges", message: expect.stringContaining("cycle") })]);
  });

  it("refuses a loop body that leads out of the loop, and a bad node id", () => {
    const nodes = [g.trigger(), { id: "each", kind: "loop", items: "{{ trigger.body.list }}" }, g.set("inner", {}), g.set("after", {})];
    const issues = graphIssues(graph(nodes, [g.edge("start", "each"), g.edge("each", "inner", "each"), g.edge("inner", "after"), g.edge("each", "after", "done")]));
    expect(issues.some((i) => i.nodeId === "after" && i.message.includes("also reached from outside"))).toBe(true);
    expect(graphIssues(graph([{ id: "Bad Id", kind: "trigger" }], []))[0]).toMatchObject({ nodeId: "Bad Id", field: "id" });
  });

  it("keeps sticky notes with the graph (they are saved for people) and validation ignores them", () => {
    const notes = [{ id: "n1", text: "# Why this waits\nThe API rate-limits us.", position: { x: 0, y: 200 }, width: 240 }];
    const { issues, graph: saved } = inspectGraph({ ...graph([g.trigger()], []), notes });
    expect(issues).toEqual([]);
    expect(saved!.notes).toEqual(notes);
    const bad = inspectGraph({ ...graph([g.trigger()], []), notes: [{ id: "n1", text: "x".repeat(20_001), position: { x: 0, y: 0 } }] });
    expect(bad.issues.map((i) => i.message)).toEqual(["A note holds at most 20,000 characters"]);
  });
});
