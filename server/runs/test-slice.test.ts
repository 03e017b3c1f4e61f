import { describe, expect, it } from "vitest";
import { downstreamOf, nodeOfStepKey, sliceTo, upstreamOf } from "./test-slice";

// start → each_user (loop) —each→ fetch → notify —back→ each_user; each_user —done→ report
const graph = {
  nodes: [{ id: "start" }, { id: "each_user", kind: "loop" }, { id: "fetch" }, { id: "notify" }, { id: "report" }],
  edges: [
    { id: "e1", source: "start", target: "each_user" },
    { id: "e2", source: "each_user", sourceHandle: "each", target: "fetch" },
    { id: "e3", source: "fetch", target: "notify" },
    { id: "e4", source: "notify", target: "each_user" },
    { id: "e5", source: "each_user", sourceHandle: "done", target: "report" },
  ],
};

describe("test slices", () => {
  it("testing a step inside a loop keeps the loop and the body before the step, not the body after it (the edge back to the loop closes it, it does not feed it)", () => {
    expect([...upstreamOf(graph, "fetch")].sort()).toEqual(["each_user", "start"]);
    const slice = sliceTo(graph, "fetch");
    expect(slice.nodes.map((n) => n.id)).toEqual(["start", "each_user", "fetch"]);
    expect(slice.edges.map((e) => e.id)).toEqual(["e1", "e2"]);
  });

  it("running from a loop's body step reruns the rest of the body, and from the loop everything after it", () => {
    expect([...downstreamOf(graph, "fetch")].sort()).toEqual(["notify"]);
    expect([...downstreamOf(graph, "each_user")].sort()).toEqual(["fetch", "notify", "report"]);
  });

  it("names the node of a step key inside loops", () => {
    expect(nodeOfStepKey("each_user[2].notify")).toBe("notify");
    expect(nodeOfStepKey("outer[0].inner[3]")).toBe("inner");
    expect(nodeOfStepKey("fetch")).toBe("fetch");
  });
});
