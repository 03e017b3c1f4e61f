import { describe, expect, it } from "vitest";
import { issueLines, keepUnchanged, problemsByNode, splitIssues } from "./graph-issues";

describe("graph issues", () => {
  const errors = {
    "nodes.call.input.url": ['"url" is required'],
    "nodes.call.action": ["Unknown action x@1/y"],
    "nodes.loop_1": ["broken"],
    edges: ["Edge e1 points to \"ghost\", which does not exist"],
    empty: undefined,
  };

  it("groups node problems by node id and keeps graph-level ones apart", () => {
    const { byNode, general } = splitIssues(errors);
    expect(byNode.get("call")).toEqual([
      { field: "input.url", message: '"url" is required' },
      { field: "action", message: "Unknown action x@1/y" },
    ]);
    expect(byNode.get("loop_1")).toEqual([{ field: "", message: "broken" }]);
    expect(general).toEqual([{ field: "edges", message: 'Edge e1 points to "ghost", which does not exist' }]);
  });

  it("reads as one line per problem, naming node and field", () => {
    expect(issueLines(errors)).toEqual([
      'call › input.url: "url" is required',
      "call › action: Unknown action x@1/y",
      "loop_1: broken",
      'edges: Edge e1 points to "ghost", which does not exist',
    ]);
  });
});

describe("keepUnchanged", () => {
  it("reuses a node's previous list when its problems are the same, so an unchanged node is not re-rendered", () => {
    const before = problemsByNode([{ nodeId: "a", field: "input.url", message: "required" }, { nodeId: "b", field: "items", message: "not a list" }]);
    const after = problemsByNode([{ nodeId: "a", field: "input.url", message: "required" }, { nodeId: "b", field: "items", message: "unclosed {{" }, { nodeId: "c", field: "x", message: "y" }]);
    const kept = keepUnchanged(before, after);
    expect(kept.get("a")).toBe(before.get("a"));
    expect(kept.get("b")).toBe(after.get("b"));
    expect(kept.get("c")).toBe(after.get("c"));
    expect([...kept.keys()]).toEqual(["a", "b", "c"]);
    expect(keepUnchanged(null, after)).toBe(after);
  });
});
