import { describe, expect, it } from "vitest";
import { issueLines, splitIssues } from "./graph-issues";

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
