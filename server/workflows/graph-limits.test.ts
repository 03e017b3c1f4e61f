import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { g } from "../../workflows/testing/harness";
import { chainGraph, nestedLoopsGraph } from "../../workflows/testing/big-graphs";
import { newUser } from "../testing/users";
import { graphLimits } from "./graph-limits";

let u: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  u = await newUser("Gala");
});

async function saveRefused(graph: unknown) {
  const workspaceId = u.personalWorkspaceId;
  const wf = await u.caller.workflow.create({ workspaceId, name: "Too big" });
  const err = await u.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 1, graph }).catch((e: unknown) => e);
  const after = await u.caller.workflow.get({ workspaceId, workflowId: wf.id });
  return { err: err as TRPCError, after };
}

describe("graph limits on save", () => {
  it("saving a graph of 1600 nested loops is refused by the loop-nesting limit, and the draft stays as it was", async () => {
    const { err, after } = await saveRefused(nestedLoopsGraph(1600));
    expect(err).toBeInstanceOf(TRPCError);
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe('"loop_34" is inside 33 nested loops, more than the limit of 32 (JUNCTION_GRAPH_MAX_LOOP_NESTING).');
    expect(after).toMatchObject({ draftRevision: 1, draftGraph: { nodes: [] } });
  });

  it("saving a graph of 5000 nodes is refused by the node limit before it is walked", async () => {
    const { err, after } = await saveRefused(chainGraph(5000));
    expect(err.message).toBe("The workflow has 5000 nodes, more than the limit of 2000 (JUNCTION_GRAPH_MAX_NODES).");
    expect(after.draftRevision).toBe(1);
  });

  it("saving a step input nested 5000 deep is refused with the depth limit, not a stack overflow", async () => {
    let deep: unknown = "{{ trigger.body }}";
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const { err, after } = await saveRefused({ schemaVersion: 1, nodes: [g.trigger(), g.set("deep", { v: deep })], edges: [g.edge("start", "deep")] });
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe("The workflow graph nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect(after.draftRevision).toBe(1);
  });

  it("reads the limits from the environment and refuses a bad setting by name", () => {
    expect(graphLimits({})).toEqual({ maxNodes: 2000, maxEdges: 4000, maxLoopNesting: 32 });
    expect(graphLimits({ JUNCTION_GRAPH_MAX_NODES: "5000" }).maxNodes).toBe(5000);
    expect(() => graphLimits({ JUNCTION_GRAPH_MAX_LOOP_NESTING: "deep" })).toThrow(/JUNCTION_GRAPH_MAX_LOOP_NESTING must be an integer from 1 to 1000; got "deep"/);
  });
});
