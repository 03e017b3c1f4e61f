import { createHash } from "node:crypto";
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from "@temporalio/client";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { unstorableCharacter } from "../../../db/json";
import { appWebhookSubscriptions } from "../../../db/schema";
import { temporal } from "../../../workflows/client";
import { temporalConfig } from "../../../workflows/config";
import { APP_WEBHOOK_DELIVERY_WORKFLOW } from "../../../workflows/constants";
import type { AppWebhookDelivery } from "../../../workflows/triggers/types";
import { DomainError } from "../../errors";
import { integrationTrigger } from "../integration-version";
import { openWebhookSecret } from "./secret";
import { verificationProblem } from "./verify";

/** Deliveries above this are refused before anything else reads them. */
export const MAX_DELIVERY_BYTES = 1024 * 1024;

export type Incoming = { method: string; headers: Headers; url: URL; body: Buffer };
export type Answer = { status: number; body: Record<string, unknown> };

/**
 * One request to /api/hooks/app/<hookId>: find the active subscription, verify the delivery as the integration
 * declares (on the raw bytes), then hand it to the worker, where the integration's parse step turns it into
 * items and one run each (workflows/triggers/app-webhook.ts). Answers 202 once Temporal has the delivery.
 * The same delivery twice (same Idempotency-Key, or without one the same body) is accepted once.
 */
export async function receiveAppWebhook(db: Database, hookId: string, req: Incoming): Promise<Answer> {
  if (req.body.length > MAX_DELIVERY_BYTES) return { status: 413, body: { error: `Deliveries are limited to ${MAX_DELIVERY_BYTES} bytes.` } };
  // A hook id Postgres cannot even compare (`%00` in the path) names no hook; asking would fail, and a 503 then
  // would have the sender retry forever.
  if (unstorableCharacter(hookId)) return { status: 404, body: { error: "No active webhook trigger at this address." } };
  const sub = await db.query.appWebhookSubscriptions.findFirst({ where: eq(appWebhookSubscriptions.hookId, hookId) });
  if (!sub || sub.status !== "active") return { status: 404, body: { error: "No active webhook trigger at this address." } };
  let found: Awaited<ReturnType<typeof integrationTrigger>>;
  try {
    found = await integrationTrigger(db, sub.workspaceId, { integration: sub.integration, version: sub.integrationVersion, key: sub.triggerKey }, "webhook");
  } catch (err) {
    // Yanked, uninstalled, tampered with: nothing will run, and the third party should stop retrying.
    if (err instanceof DomainError) return { status: 410, body: { error: err.message } };
    throw err;
  }
  const { version, trigger } = found;
  const declared = trigger.kind === "webhook" && trigger.webhook ? version.manifest.webhooks.find((w) => w.key === trigger.webhook) : undefined;
  const verification = declared?.verification ?? { kind: "none" as const };
  const problem = verificationProblem(verification, openWebhookSecret(sub), req.headers, req.body);
  if (problem) return { status: 401, body: { error: problem } };

  const headers: Record<string, string> = {};
  // A token header is the secret itself: it goes no further than this check.
  req.headers.forEach((value, name) => {
    if (!(verification.kind === "token" && name === verification.header.toLowerCase()) && name !== "cookie" && name !== "authorization") headers[name] = value;
  });
  const deliveryId = createHash("sha256").update(req.headers.get("idempotency-key") ?? req.body).digest("hex").slice(0, 32);
  const delivery: AppWebhookDelivery = {
    subscriptionId: sub.id,
    deliveryId,
    request: { method: req.method, headers, query: Object.fromEntries(req.url.searchParams), body: req.body.toString("utf8") },
  };
  const { client } = await temporal();
  try {
    await client.workflow.start(APP_WEBHOOK_DELIVERY_WORKFLOW, {
      workflowId: `app-webhook-${sub.id}-${deliveryId}`,
      taskQueue: temporalConfig().taskQueue,
      args: [delivery],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { status: 202, body: { deliveryId, duplicate: true } };
    throw err;
  }
  return { status: 202, body: { deliveryId } };
}
