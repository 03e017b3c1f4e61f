import { z } from "zod";
import { GRACE_PERIODS, rotateHookUrl, setHookEnabled, type GracePeriod } from "../../triggers/webhook/hook-url";
import { changeSecret, createEndpoint, getEndpoint } from "../../triggers/webhook/service";
import { router, workspaceProcedure } from "../trpc";

const workflowId = z.object({ workflowId: z.uuid("Not a workflow id") });
const secret = z
  .string()
  .min(8, "A secret needs at least 8 characters")
  .max(1000, "A secret can have at most 1000 characters")
  .refine((s) => s.trim() === s, "Remove the spaces around the secret");

const grace = z.enum(Object.keys(GRACE_PERIODS) as [GracePeriod, ...GracePeriod[]], "The old URL can be kept for none, 1h, 24h or 7d");

/** A workflow's webhook address and secrets. Secrets go in, never come out. Editors and above change them. */
export const webhookRouter = router({
  get: workspaceProcedure.input(workflowId).query(({ ctx, input }) => getEndpoint(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  create: workspaceProcedure.input(workflowId).mutation(({ ctx, input }) => createEndpoint(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  setSecret: workspaceProcedure
    .input(workflowId.extend({ secret }))
    .mutation(({ ctx, input }) => changeSecret(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, { kind: "set", secret: input.secret })),
  rotateSecret: workspaceProcedure
    .input(workflowId.extend({ secret, overlapHours: z.number().min(0.01).max(24 * 30).default(24) }))
    .mutation(({ ctx, input }) => changeSecret(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, { kind: "rotate", secret: input.secret, overlapHours: input.overlapHours })),
  clearSecrets: workspaceProcedure
    .input(workflowId)
    .mutation(({ ctx, input }) => changeSecret(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, { kind: "clear" })),
  // A new URL; the old one works on for `grace` (none, 1h, 24h, 7d), then 404s. Recorded in the audit log.
  rotateUrl: workspaceProcedure
    .input(workflowId.extend({ grace }))
    .mutation(({ ctx, input }) => rotateHookUrl(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.grace)),
  // Disabled: the hook answers 404 and starts nothing while the workflow stays active. Recorded in the audit log.
  setEnabled: workspaceProcedure
    .input(workflowId.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setHookEnabled(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.enabled)),
});
