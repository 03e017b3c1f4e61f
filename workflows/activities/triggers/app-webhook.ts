import { ApplicationFailure } from "@temporalio/common";
import { eq } from "drizzle-orm";
import { appWebhookSubscriptions } from "../../../db/schema";
import { openWebhookSecret } from "../../../server/triggers/app-webhook/secret";
import { activeVersion, deterministicRunId, recordTriggeredRuns } from "../../../server/triggers/runs";
import { TRIGGER_RUN_BATCH } from "../../constants";
import type { AutomationInput } from "../../interpreter/types";
import type { AppWebhookDelivery } from "../../triggers/types";
import { ActionError } from "../executor";
import { entryFailure, runTriggerEntry, type TriggerDeps } from "./run-entry";

type Row = typeof appWebhookSubscriptions.$inferSelect;

async function load(deps: TriggerDeps, subscriptionId: string): Promise<Row | undefined> {
  return deps.db.query.appWebhookSubscriptions.findFirst({ where: eq(appWebhookSubscriptions.id, subscriptionId) });
}

/** An integration without the entry (no subscribe: the user registers the URL by hand) is not a failure. */
const lacksEntry = (err: unknown) => err instanceof ActionError && err.type === "UnknownEntryError";

/**
 * Registers the hook: the integration's subscribe gets the URL and the secret deliveries must be signed with,
 * and returns state (the remote hook id) kept for unsubscribe. The secret goes from the database to the
 * sandbox here in the worker; it never travels in a Temporal payload.
 */
export function createSubscribeAppWebhook(deps: TriggerDeps) {
  return async function subscribeAppWebhook({ subscriptionId }: { subscriptionId: string }): Promise<void> {
    const sub = await load(deps, subscriptionId);
    if (!sub) throw ApplicationFailure.nonRetryable("The subscription was removed before it was registered.", "SubscriptionGone");
    let state: unknown = null;
    try {
      state = await runTriggerEntry(deps, sub, "subscribe", { input: sub.config, webhookUrl: sub.webhookUrl, webhookSecret: openWebhookSecret(sub) }, `subscribe_${sub.id}`);
    } catch (err) {
      if (!lacksEntry(err)) throw entryFailure(err);
    }
    await deps.db.update(appWebhookSubscriptions).set({ state: state ?? null, status: "active", updatedAt: new Date() }).where(eq(appWebhookSubscriptions.id, sub.id));
  };
}

export function createUnsubscribeAppWebhook(deps: TriggerDeps) {
  return async function unsubscribeAppWebhook({ subscriptionId }: { subscriptionId: string }): Promise<void> {
    const sub = await load(deps, subscriptionId);
    if (!sub) return;
    // Stop accepting deliveries before the third party is told, so none slips in half-way.
    await deps.db.update(appWebhookSubscriptions).set({ status: "pending", updatedAt: new Date() }).where(eq(appWebhookSubscriptions.id, sub.id));
    try {
      await runTriggerEntry(deps, sub, "unsubscribe", { input: sub.config, webhookUrl: sub.webhookUrl, state: sub.state }, `unsubscribe_${sub.id}`);
    } catch (err) {
      if (!lacksEntry(err)) throw entryFailure(err);
    }
    await deps.db.delete(appWebhookSubscriptions).where(eq(appWebhookSubscriptions.id, sub.id));
  };
}

/**
 * The integration's parse step turns a delivery into items; each becomes a run with an id derived from the
 * delivery and the item's position, so a retried parse records and starts the same runs, never new ones.
 */
export function createParseAppWebhook(deps: TriggerDeps) {
  return async function parseAppWebhook({ subscriptionId, deliveryId, request }: AppWebhookDelivery): Promise<AutomationInput[]> {
    const sub = await load(deps, subscriptionId);
    if (!sub) return [];
    const version = await activeVersion(deps.db, sub);
    if (!version) return [];
    let items: unknown;
    try {
      items = await runTriggerEntry(deps, sub, "parse", { input: sub.config, request }, `delivery_${deliveryId}`);
    } catch (err) {
      throw entryFailure(err);
    }
    if (!Array.isArray(items)) throw ApplicationFailure.nonRetryable("The integration's parse returned something other than a list of items.", "BadParseOutput");
    const runs = items.slice(0, TRIGGER_RUN_BATCH).map((body, i) => ({
      runId: deterministicRunId(sub.id, deliveryId, String(i)),
      trigger: { kind: "app_webhook", integration: sub.integration, trigger: sub.triggerKey, deliveryId, body },
    }));
    return recordTriggeredRuns(deps.db, { workspaceId: sub.workspaceId, workflowId: sub.workflowId, versionId: sub.versionId, graph: version.graph }, runs);
  };
}
