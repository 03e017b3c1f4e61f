import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { g, publishGraph, startTestWorker, waitForRun } from "../../workflows/testing/harness";
import { newUser } from "../testing/users";

// "What changed since it last worked" and two runs side by side, on real runs of real versions.

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const ws = () => user.personalWorkspaceId;

beforeAll(async () => {
  user = await newUser("Compare Carla");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

const v1 = { schemaVersion: 1, nodes: [g.trigger(), g.set("greet", { text: "Hi {{ trigger.body.name }}" }), g.set("tag", { plan: "{{ trigger.body.plan }}" })], edges: g.chain("start", "greet", "tag") };
// v2: greet's text changed, tag replaced by a step that fails, a new step after it.
const v2 = {
  schemaVersion: 1,
  nodes: [g.trigger(), g.set("greet", { text: "Hello {{ trigger.body.name }}" }), g.fail("check", { message: "Plan {{ trigger.body.plan }} is not allowed" }), g.set("after", {})],
  edges: g.chain("start", "greet", "check", "after"),
};

describe("comparing runs", () => {
  it("finds the last success before a failure and says what changed: the version, the trigger data and each step", async () => {
    const { workflowId } = await publishGraph(user, v1, "Signups");
    const start = async (body: Record<string, unknown>) => waitForRun(user, (await user.caller.run.start({ workspaceId: ws(), workflowId, input: body })).runId);
    const first = await start({ name: "Ann", plan: "pro" });
    const good = await start({ name: "Ann", plan: "pro", seats: 3 });
    expect(good.status).toBe("succeeded");
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId, draftRevision: 2, graph: v2 });
    await user.caller.workflow.publish({ workspaceId: ws(), workflowId, message: "v2" });
    const bad = await start({ name: "Bob", plan: "pro" });
    expect(bad.status).toBe("failed");

    // Its last success is the newest successful run before it, not the first.
    expect(await user.caller.run.lastSuccess({ workspaceId: ws(), runId: bad.id })).toEqual({ runId: good.id });
    expect(await user.caller.run.lastSuccess({ workspaceId: ws(), runId: first.id })).toEqual({ runId: null });

    const c = await user.caller.run.compare({ workspaceId: ws(), runId: good.id, otherRunId: bad.id });
    expect(c).toMatchObject({ workflowName: "Signups", a: { id: good.id, status: "succeeded", versionNumber: 1 }, b: { id: bad.id, status: "failed", versionNumber: 2, failedStep: "check" } });
    expect(c.versionDiff?.nodes).toEqual({ added: ["check", "after"], removed: ["tag"], changed: ["greet"] });
    expect(c.trigger.changes).toEqual([
      { path: "body.name", kind: "changed", before: '"Ann"', after: '"Bob"' },
      { path: "body.seats", kind: "removed", before: "3" },
    ]);
    const greet = c.steps.find((s) => s.stepKey === "greet")!;
    expect(greet.a?.status).toBe("succeeded");
    expect(greet.b?.status).toBe("succeeded");
    expect(greet.output.changes).toEqual([{ path: "text", kind: "changed", before: '"Hi Ann"', after: '"Hello Bob"' }]);
    expect(c.steps.find((s) => s.stepKey === "check")).toMatchObject({ a: null, b: { status: "failed" } });
    expect(c.steps.find((s) => s.stepKey === "tag")).toMatchObject({ a: { status: "succeeded" }, b: null });
    // Same version: no workflow changes to show.
    expect((await user.caller.run.compare({ workspaceId: ws(), runId: first.id, otherRunId: good.id })).versionDiff).toBeNull();
  });

  it("refuses runs of two workflows, the same run twice, and another workspace's run, each with a reason", async () => {
    const one = await publishGraph(user, v1, "One");
    const two = await publishGraph(user, v1, "Two");
    const a = (await user.caller.run.start({ workspaceId: ws(), workflowId: one.workflowId })).runId;
    const b = (await user.caller.run.start({ workspaceId: ws(), workflowId: two.workflowId })).runId;
    const err = (await user.caller.run.compare({ workspaceId: ws(), runId: a, otherRunId: b }).catch((e) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toBe("These runs belong to different workflows (“One” and “Two”). Compare two runs of one workflow.");
    expect(((await user.caller.run.compare({ workspaceId: ws(), runId: a, otherRunId: a }).catch((e) => e)) as TRPCError).message).toBe("Choose two different runs to compare.");
    const stranger = await newUser("Stranger");
    const theirs = await publishGraph(stranger, v1);
    const their = (await stranger.caller.run.start({ workspaceId: stranger.personalWorkspaceId, workflowId: theirs.workflowId })).runId;
    expect(((await user.caller.run.compare({ workspaceId: ws(), runId: a, otherRunId: their }).catch((e) => e)) as TRPCError).code).toBe("NOT_FOUND");
    expect(((await user.caller.run.lastSuccess({ workspaceId: ws(), runId: their }).catch((e) => e)) as TRPCError).code).toBe("NOT_FOUND");
  });
});
