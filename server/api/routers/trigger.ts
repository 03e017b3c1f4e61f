import { z } from "zod";
import { schedulePreview, triggerStatus } from "../../triggers/status";
import { router, workspaceProcedure } from "../trpc";

export const triggerRouter = router({
  // Bad cron or timezone: BAD_REQUEST with fieldErrors.cron / fieldErrors.timezone, shown beside the field.
  schedulePreview: workspaceProcedure
    .input(z.object({ cron: z.string().max(200), timezone: z.string().max(100).default("UTC") }))
    .query(({ ctx, input }) => schedulePreview(ctx.db, ctx.user.id, input.workspaceId, input.cron, input.timezone)),
  status: workspaceProcedure
    .input(z.object({ workflowId: z.uuid("Not a workflow id") }))
    .query(({ ctx, input }) => triggerStatus(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
});
