import { z } from "zod";
import * as runs from "../../runs/commands";
import { compareRuns, lastSuccessBefore } from "../../runs/compare";
import { runCounts } from "../../runs/counts";
import { getRun, listRuns } from "../../runs/queries";
import { TRIGGER_KINDS } from "../../../workflows/graph";
import { router, workspaceProcedure } from "../trpc";

const RUN_ID = /^run_[0-9a-f-]{36}(-onerror)*$/;
const runId = z.object({ runId: z.string().regex(RUN_ID, "Not a run id") });
const STATUSES = ["queued", "running", "succeeded", "succeeded_with_errors", "failed", "cancelled"] as const;

export const runRouter = router({
  start: workspaceProcedure
    .input(z.object({ workflowId: z.uuid(), input: z.record(z.string(), z.unknown()).default({}), versionId: z.uuid().optional(), draft: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => runs.startRun(ctx.db, ctx.user.id, input.workspaceId, input)),
  list: workspaceProcedure
    .input(
      z
        .object({
          workflowId: z.uuid().optional(),
          status: z.array(z.enum(STATUSES)).optional(),
          versionId: z.uuid().optional(),
          kind: z.enum(["all", "published", "test"]).default("all"),
          triggerKind: z.enum(TRIGGER_KINDS).optional(),
          from: z.date().optional(),
          to: z.date().optional(),
          // "Load more": the id of the last run already shown (useInfiniteQuery passes it as `cursor`).
          cursor: z.string().regex(RUN_ID, "Not a run id").nullish(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end of the time range is before its start" }),
    )
    .query(({ ctx, input }) => listRuns(ctx.db, ctx.user.id, input.workspaceId, { ...input, cursor: input.cursor ?? undefined })),
  // The dashboard's summary: published runs of the last week by status.
  counts: workspaceProcedure.query(({ ctx, input }) => runCounts(ctx.db, ctx.user.id, input.workspaceId)),
  // Also the live view's polling endpoint: the browser re-fetches it while the run is queued or running.
  get: workspaceProcedure.input(runId).query(({ ctx, input }) => getRun(ctx.db, ctx.user.id, input.workspaceId, input.runId)),
  // Two runs of one workflow side by side (runId: the earlier or reference run).
  compare: workspaceProcedure
    .input(runId.extend({ otherRunId: z.string().regex(RUN_ID, "Not a run id") }))
    .query(({ ctx, input }) => compareRuns(ctx.db, ctx.user.id, input.workspaceId, input.runId, input.otherRunId)),
  // The run a failed one is compared with: its workflow's last success before it.
  lastSuccess: workspaceProcedure.input(runId).query(({ ctx, input }) => lastSuccessBefore(ctx.db, ctx.user.id, input.workspaceId, input.runId)),
  cancel: workspaceProcedure.input(runId).mutation(({ ctx, input }) => runs.cancelRun(ctx.db, ctx.user.id, input.workspaceId, input.runId)),
  retry: workspaceProcedure
    .input(runId.extend({ from: z.enum(["start", "failed_step"]), on: z.enum(["its_version", "latest"]).default("its_version") }))
    .mutation(({ ctx, input }) => runs.retryRun(ctx.db, ctx.user.id, input.workspaceId, input.runId, input.from, input.on)),
  rerunLatest: workspaceProcedure.input(runId).mutation(({ ctx, input }) => runs.rerunOnLatest(ctx.db, ctx.user.id, input.workspaceId, input.runId)),
});
