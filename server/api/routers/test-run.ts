import { z } from "zod";
import { latestTestRun, startTestRun } from "../../runs/test-run";
import { router, workspaceProcedure } from "../trpc";
import { testPayload } from "./fixture";

const RUN_ID = /^run_[0-9a-f-]{36}(-onerror)*$/;

/** The editor's test runs of the draft: the whole workflow, one step, or from one step on. */
export const testRunRouter = router({
  start: workspaceProcedure
    .input(
      z.object({
        workflowId: z.uuid("Not a workflow id"),
        mode: z.enum(["workflow", "step", "from"]).default("workflow"),
        nodeId: z.string().max(63).optional(),
        fixtureId: z.uuid("Not a test fixture id").optional(),
        payload: testPayload.optional(),
        // The editor's current draft; its size and depth are checked like a saved draft's.
        graph: z.unknown().optional(),
        sampleRunId: z.string().regex(RUN_ID, "Not a run id").optional(),
      }),
    )
    .mutation(({ ctx, input }) => startTestRun(ctx.db, ctx.user.id, input.workspaceId, input)),
  latest: workspaceProcedure
    .input(z.object({ workflowId: z.uuid("Not a workflow id") }))
    .query(({ ctx, input }) => latestTestRun(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
});
