import { randomBytes, randomUUID } from "node:crypto";
import { WorkflowFailedError } from "@temporalio/client";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { appWebhookSubscriptions } from "../../../db/schema";
import { temporal } from "../../../workflows/client";
import { temporalConfig } from "../../../workflows/config";
import { APP_WEBHOOK_SUBSCRIBE_WORKFLOW, APP_WEBHOOK_UNSUBSCRIBE_WORKFLOW } from "../../../workflows/constants";
import type { AppTriggerSettings } from "../../../workflows/graph";
import { DomainError } from "../../errors";
import { log } from "../../log";
import { integrationTrigger } from "../integration-version";
import { liveTrigger, sourceColumnsOf, sourceHashOf } from "../trigger-node";
import type { TriggerLifecycle, TriggerSync } from "../lifecycle";
import { newWebhookSecret, sealWebhookSecret } from "./secret";

type Subscription = typeof appWebhookSubscriptions.$inferSelect;

/**
 * Keeps a workflow's app-webhook subscription in step with its live version. Activation registers a new hook
 * URL (with a fresh secret) through the integration's subscribe, run in the worker's sandbox, and fails with
 * the third party's answer when that does not work. A new version with the same source keeps the subscription.
 * A new source is make-before-break: the new hook is registered first and the old one removed only then, so a
 * failed move leaves the old hook working (and the publish reports why).
 */
export const syncAppWebhook: TriggerSync = async ({ db, publicUrl }, change) => {
  const trigger = liveTrigger(change);
  const existing = await db.query.appWebhookSubscriptions.findMany({ where: eq(appWebhookSubscriptions.workflowId, change.workflowId) });
  if (!trigger || trigger.trigger !== "app_webhook" || !trigger.app || !change.version) {
    for (const sub of existing) await unsubscribe(db, sub);
    return;
  }
  const app = trigger.app;
  const sourceHash = sourceHashOf(app);
  const keep = existing.find((s) => s.sourceHash === sourceHash && s.status === "active");
  if (keep) {
    await db.update(appWebhookSubscriptions).set({ versionId: change.version.id, updatedAt: new Date() }).where(eq(appWebhookSubscriptions.id, keep.id));
  } else {
    await subscribe(db, publicUrl, change, app);
  }
  for (const sub of existing) if (sub !== keep) await unsubscribe(db, sub);
};

async function subscribe(db: Database, publicUrl: string | undefined, change: TriggerLifecycle, app: AppTriggerSettings): Promise<void> {
  await integrationTrigger(db, change.workspaceId, app, "webhook");
  const base = publicUrl ?? process.env.JUNCTION_PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  if (!base) throw new DomainError("BAD_REQUEST", "Set JUNCTION_PUBLIC_URL (the address third parties reach this platform at) before activating an app webhook trigger.");
  const id = randomUUID();
  const hookId = randomBytes(24).toString("base64url");
  const sealed = sealWebhookSecret(change.workspaceId, id, newWebhookSecret());
  await db.insert(appWebhookSubscriptions).values({
    id,
    hookId,
    workflowId: change.workflowId,
    workspaceId: change.workspaceId,
    versionId: change.version!.id,
    ...sourceColumnsOf(app),
    webhookUrl: `${base.replace(/\/+$/, "")}/api/hooks/app/${hookId}`,
    secretCiphertext: sealed.ciphertext,
    secretKeyVersion: sealed.keyVersion,
  });
  try {
    const { client } = await temporal();
    await client.workflow.execute(APP_WEBHOOK_SUBSCRIBE_WORKFLOW, { workflowId: `app-webhook-subscribe-${id}`, taskQueue: temporalConfig().taskQueue, args: [{ subscriptionId: id }] });
  } catch (err) {
    await db.delete(appWebhookSubscriptions).where(eq(appWebhookSubscriptions.id, id));
    throw new DomainError("BAD_REQUEST", `Could not register the webhook with ${app.integration}: ${rootMessage(err)}`);
  }
}

/**
 * Removes the hook at the third party, then forgets the subscription. When the third party cannot be reached
 * the subscription is forgotten anyway (deactivating must not depend on it): its URL then answers 404.
 */
async function unsubscribe(db: Database, sub: Subscription): Promise<void> {
  try {
    const { client } = await temporal();
    await client.workflow.execute(APP_WEBHOOK_UNSUBSCRIBE_WORKFLOW, { workflowId: `app-webhook-unsubscribe-${sub.id}`, taskQueue: temporalConfig().taskQueue, args: [{ subscriptionId: sub.id }] });
  } catch (err) {
    log.warn({ subscriptionId: sub.id, integration: sub.integration, reason: rootMessage(err) }, "app webhook unsubscribe failed; forgetting the subscription anyway");
  }
  await db.delete(appWebhookSubscriptions).where(eq(appWebhookSubscriptions.id, sub.id));
}

/** The innermost message of a workflow failure: what the integration (or the third party) said. */
function rootMessage(err: unknown): string {
  let e: unknown = err instanceof WorkflowFailedError ? err.cause : err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
