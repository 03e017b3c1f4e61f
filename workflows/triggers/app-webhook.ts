import { proxyActivities } from "@temporalio/workflow";
import { BOOKKEEPING_MAX_INTERVAL_MS, TRIGGER_ENTRY_TIMEOUT_MS } from "../constants";
import type { AppWebhookDelivery, TriggerActivities } from "./types";

// Registering a hook is not idempotent on most services: one attempt, and the activation reports the failure.
const once = proxyActivities<TriggerActivities>({ startToCloseTimeout: TRIGGER_ENTRY_TIMEOUT_MS + 15_000, retry: { maximumAttempts: 1 } });
// Removing one is (a second delete finds nothing): a few attempts.
const few = proxyActivities<TriggerActivities>({ startToCloseTimeout: TRIGGER_ENTRY_TIMEOUT_MS + 15_000, retry: { maximumAttempts: 3, initialInterval: 1_000 } });
// Parsing records runs under deterministic ids, so retrying it until it works cannot duplicate them.
const parse = proxyActivities<TriggerActivities>({ startToCloseTimeout: TRIGGER_ENTRY_TIMEOUT_MS + 15_000, retry: { maximumAttempts: 5, maximumInterval: BOOKKEEPING_MAX_INTERVAL_MS } });

/** Activation: the integration's subscribe registers the hook URL with the third party (runs in the worker's sandbox). */
export async function appWebhookSubscribe(req: { subscriptionId: string }): Promise<void> {
  await once.subscribeAppWebhook(req);
}

/** Deactivation: the integration's unsubscribe removes the hook, then the subscription is forgotten. */
export async function appWebhookUnsubscribe(req: { subscriptionId: string }): Promise<void> {
  await few.unsubscribeAppWebhook(req);
}

/** One verified delivery: parse it into items in the sandbox, then start a run per item. */
export async function appWebhookDelivery(delivery: AppWebhookDelivery): Promise<{ runIds: string[] }> {
  const runs = await parse.parseAppWebhook(delivery);
  return { runIds: runs.length > 0 ? await parse.startTriggeredRuns({ runs }) : [] };
}
