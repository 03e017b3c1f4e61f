import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { webhookEndpoints, workflows } from "../../../db/schema";
import { DomainError, fieldError } from "../../errors";
import { requireRole } from "../../workspaces/access";
import { forgetEndpoint } from "./endpoint";
import { sealWebhookSecrets, unsealWebhookSecrets } from "./secrets";
import { newHookId } from "./sync";

type Row = typeof webhookEndpoints.$inferSelect;

/**
 * What the browser may know about an endpoint: never a secret, only whether one is set and since when; of a
 * rotated-away URL only until when it still works (the old hook id itself is not sent again).
 */
export function view(e: Row) {
  const now = Date.now();
  const rotating = e.previousSecretExpiresAt && e.previousSecretExpiresAt.getTime() > now ? e.previousSecretExpiresAt : null;
  const oldUrl = e.previousHookId && e.previousHookExpiresAt && e.previousHookExpiresAt.getTime() > now ? e.previousHookExpiresAt : null;
  return {
    hookId: e.hookId,
    path: `/api/hooks/${e.hookId}`,
    active: e.active,
    disabledAt: e.disabledAt,
    previousUrlAcceptedUntil: oldUrl,
    preset: e.preset,
    methods: e.methods,
    mode: e.mode,
    secret: { set: e.secretsCiphertext !== null, setAt: e.secretSetAt, previousAcceptedUntil: rotating },
  };
}
export type WebhookEndpointView = ReturnType<typeof view>;

export async function requireWorkflow(db: Database, workspaceId: string, workflowId: string) {
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)), columns: { id: true } });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
}

const findRow = (db: Database, workspaceId: string, workflowId: string) =>
  db.query.webhookEndpoints.findFirst({ where: and(eq(webhookEndpoints.workflowId, workflowId), eq(webhookEndpoints.workspaceId, workspaceId)) });

export async function getEndpoint(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  await requireWorkflow(db, workspaceId, workflowId);
  const row = await findRow(db, workspaceId, workflowId);
  return row ? view(row) : null;
}

/** Gives the workflow its hook URL now (inactive until the workflow is activated), so the sender can be set up first. */
export async function createEndpoint(db: Database, userId: string, workspaceId: string, workflowId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  await requireWorkflow(db, workspaceId, workflowId);
  await db.insert(webhookEndpoints).values({ hookId: newHookId(), workspaceId, workflowId }).onConflictDoNothing({ target: webhookEndpoints.workflowId });
  return view((await findRow(db, workspaceId, workflowId))!);
}

type SecretChange = { kind: "set"; secret: string } | { kind: "rotate"; secret: string; overlapHours: number } | { kind: "clear" };

/**
 * set: replaces every secret. rotate: the new secret becomes current and the old one is still accepted for
 * `overlapHours`, so the sender can switch without rejected deliveries. clear: no secret (verified presets then
 * refuse every delivery). The new state is sealed before it is written; nothing secret is returned.
 */
export async function changeSecret(db: Database, userId: string, workspaceId: string, workflowId: string, change: SecretChange) {
  await requireRole(db, userId, workspaceId, "editor");
  await requireWorkflow(db, workspaceId, workflowId);
  await db.insert(webhookEndpoints).values({ hookId: newHookId(), workspaceId, workflowId }).onConflictDoNothing({ target: webhookEndpoints.workflowId });
  const row = await db.transaction(async (tx) => {
    const [e] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.workflowId, workflowId)).for("update");
    const now = new Date();
    let set: Partial<Row>;
    if (change.kind === "clear") {
      set = { secretsCiphertext: null, secretsKeyVersion: null, secretSetAt: null, previousSecretExpiresAt: null };
    } else {
      const current = change.kind === "rotate" ? unsealWebhookSecrets(e!).current : undefined;
      if (change.kind === "rotate" && !current) throw fieldError("secret", "There is no secret to rotate from yet: set one first.");
      const sealed = sealWebhookSecrets(workspaceId, e!.id, current ? { current: change.secret, previous: current } : { current: change.secret });
      set = {
        secretsCiphertext: sealed.ciphertext,
        secretsKeyVersion: sealed.keyVersion,
        secretSetAt: now,
        previousSecretExpiresAt: change.kind === "rotate" ? new Date(now.getTime() + change.overlapHours * 3_600_000) : null,
      };
    }
    const [updated] = await tx.update(webhookEndpoints).set({ ...set, updatedAt: now }).where(eq(webhookEndpoints.id, e!.id)).returning();
    return updated!;
  });
  forgetEndpoint(row.hookId, row.previousHookId);
  return view(row);
}
