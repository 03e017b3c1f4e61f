import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { webhookEndpoints } from "../../../db/schema";
import { recordAudit } from "../../audit/record";
import { DomainError } from "../../errors";
import { requireRole } from "../../workspaces/access";
import { forgetEndpoint } from "./endpoint";
import { requireWorkflow, view } from "./service";
import { newHookId } from "./sync";

/**
 * Revoking a hook URL: anyone who once saw it (a removed member, a leaked log) could otherwise trigger the
 * workflow forever. Rotate gives the endpoint a new unguessable hook id, the old one working on for a grace period
 * the user picks (so the sender can be switched over) and then answering 404. Disable makes the hook answer 404
 * and start nothing while the workflow stays active; enable restores it. Each change is one transaction with its
 * audit entry, which names hook ids by their first characters only.
 */
export const GRACE_PERIODS = { none: 0, "1h": 3_600_000, "24h": 24 * 3_600_000, "7d": 7 * 24 * 3_600_000 } as const;
export type GracePeriod = keyof typeof GRACE_PERIODS;

// As many characters as the request log shows: enough to tell URLs apart, far too few to use one.
const prefix = (hookId: string) => hookId.slice(0, 6);
const target = (workflowId: string) => `workflow:${workflowId}`;

async function lockedEndpoint(tx: Pick<Database, "select">, workspaceId: string, workflowId: string) {
  const [e] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workflowId, workflowId), eq(webhookEndpoints.workspaceId, workspaceId)))
    .for("update");
  if (!e) throw new DomainError("NOT_FOUND", "This workflow has no webhook URL yet: create it first.");
  return e;
}

/**
 * A new URL for the workflow's webhook. With a grace period the current URL keeps working until it ends; a URL
 * still in an earlier grace period stops at once (only one old URL is kept). Deliveries keep being deduplicated
 * under the endpoint's first hook id, so a retry sent to the new URL finds the run its first attempt started.
 */
export async function rotateHookUrl(db: Database, userId: string, workspaceId: string, workflowId: string, grace: GracePeriod) {
  await requireRole(db, userId, workspaceId, "editor");
  await requireWorkflow(db, workspaceId, workflowId);
  const { before, after } = await db.transaction(async (tx) => {
    const e = await lockedEndpoint(tx, workspaceId, workflowId);
    const now = new Date();
    const until = GRACE_PERIODS[grace] > 0 ? new Date(now.getTime() + GRACE_PERIODS[grace]) : null;
    const hookId = newHookId();
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ hookId, previousHookId: until ? e.hookId : null, previousHookExpiresAt: until, deliveryScope: e.deliveryScope ?? e.hookId, updatedAt: now })
      .where(eq(webhookEndpoints.id, e.id))
      .returning();
    await recordAudit(tx, {
      workspaceId,
      actorUserId: userId,
      action: "webhook.rotate",
      target: target(workflowId),
      details: { oldHookPrefix: prefix(e.hookId), newHookPrefix: prefix(hookId), grace, oldUrlUntil: until?.toISOString() ?? null },
    });
    return { before: e, after: updated! };
  });
  forgetEndpoint(before.hookId, before.previousHookId, after.hookId);
  return view(after);
}

/** Disables (404, no runs; the workflow stays active) or re-enables the hook. A no-op change records nothing. */
export async function setHookEnabled(db: Database, userId: string, workspaceId: string, workflowId: string, enabled: boolean) {
  await requireRole(db, userId, workspaceId, "editor");
  await requireWorkflow(db, workspaceId, workflowId);
  const row = await db.transaction(async (tx) => {
    const e = await lockedEndpoint(tx, workspaceId, workflowId);
    if (enabled === (e.disabledAt === null)) return e;
    const now = new Date();
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: enabled ? null : now, updatedAt: now })
      .where(eq(webhookEndpoints.id, e.id))
      .returning();
    await recordAudit(tx, { workspaceId, actorUserId: userId, action: enabled ? "webhook.enable" : "webhook.disable", target: target(workflowId), details: { hookPrefix: prefix(e.hookId) } });
    return updated!;
  });
  forgetEndpoint(row.hookId, row.previousHookId);
  return view(row);
}
