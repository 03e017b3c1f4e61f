import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { encodeStorable } from "../../../db/json";
import { isDatabaseUnavailable, sqlStateOf } from "../../../db/unavailable";
import { temporalConfig } from "../../../workflows/config";
import type { AutomationInput } from "../../../workflows/interpreter/types";
import type { LiveEndpoint } from "./endpoint";
import { HookHttpError } from "./http-error";
import { notifyOutbox } from "./outbox-notify";
import { markDeliveryStarted, startDeliveryRun } from "./start-run";
import { reportTemporalUnavailable, temporalAvailable } from "./temporal-health";

export const RETRY_AFTER_UNAVAILABLE_S = 5;

/**
 * The run id of a delivery: a UUID-shaped digest of the endpoint's delivery scope (its first hook id, kept across URL
 * rotations) and delivery id. The same delivery always maps to the same run (and Temporal workflow id), so every
 * retry gets this id back, whichever of the endpoint's URLs it was sent to.
 */
export function runIdFor(deliveryScope: string, deliveryId: string): string {
  const h = createHash("sha256").update(`junction.webhook.v1|${deliveryScope}|${deliveryId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `run_${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const unavailable = () => new HookHttpError(503, "Runs cannot be accepted right now; retry later", { "retry-after": String(RETRY_AFTER_UNAVAILABLE_S) });

/**
 * Durably accepts a delivery: one statement commits the outbox row and the run row together (a retry of the same
 * delivery inserts nothing and gets the same run id). Only then may the caller answer 2xx. The worker's outbox relay
 * starts the run in Temporal (outbox-relay.ts), woken by a notification sent after the commit; this process does
 * not start async runs itself, so its CPU goes to acknowledging. A sync hook's caller waits for the run, so its start
 * is made here at once (`started`). While Temporal is known to be down, or Postgres cannot be reached, deliveries are
 * refused with 503 + Retry-After rather than queued behind the outage; any other failure is not a reason to retry.
 * The trigger is stored with encodeStorable, so strings Postgres cannot hold (U+0000, lone surrogates) are kept
 * exactly; the relay decodes them before the run starts.
 */
export async function acceptDelivery(db: Database, ep: LiveEndpoint, deliveryId: string, trigger: Record<string, unknown>) {
  if (!(await temporalAvailable())) throw unavailable();
  const runId = runIdFor(ep.deliveryScope, deliveryId);
  let inserted: unknown[];
  try {
    const res = await db.execute(sql`
      with d as (
        insert into webhook_deliveries (hook_id, delivery_id, run_id) values (${ep.deliveryScope}, ${deliveryId}, ${runId})
        on conflict (hook_id, delivery_id) do nothing returning run_id
      )
      insert into runs (id, workspace_id, workflow_id, workflow_version_id, trigger)
      select run_id, ${ep.workspaceId}, ${ep.workflowId}, ${ep.versionId}, ${JSON.stringify(encodeStorable(trigger))}::jsonb from d
      returning id`);
    inserted = res.rows;
  } catch (err) {
    // Nothing was kept. Only an outage that will pass is worth a retry; a delivery Postgres refuses as data would
    // be refused on every retry, so the sender is told so. (Unstorable strings are escaped above: see encodeStorable.)
    if (isDatabaseUnavailable(err)) throw unavailable();
    const state = sqlStateOf(err);
    // The workflow was deleted a moment ago: its hook is gone.
    if (state === "23503") throw new HookHttpError(404, "No active webhook at this address");
    if (state?.startsWith("22") || state?.startsWith("54")) throw new HookHttpError(422, "The delivery holds a value that cannot be stored; it will be refused again if retried");
    throw err;
  }
  const duplicate = inserted.length === 0;
  if (!duplicate && ep.mode !== "sync") notifyOutbox(db);
  const started = duplicate || ep.mode !== "sync" ? Promise.resolve(true) : startSyncRun(db, ep, deliveryId, { runId, workspaceId: ep.workspaceId, graph: ep.graph, trigger });
  return { runId, duplicate, started };
}

/** A sync hook's run, started by this process so its caller is not kept waiting for the relay. */
async function startSyncRun(db: Database, ep: LiveEndpoint, deliveryId: string, input: AutomationInput): Promise<boolean> {
  const outcome = await startDeliveryRun(input, temporalConfig().taskQueue);
  if (outcome === "unavailable") reportTemporalUnavailable();
  if (outcome !== "started") {
    // The row stays unstarted: the relay starts it when Temporal answers again.
    notifyOutbox(db);
    return false;
  }
  // Only bookkeeping, not awaited (a relay holding the row would make the caller wait): a relay that starts it again is refused by Temporal.
  void markDeliveryStarted(db, ep.deliveryScope, deliveryId).catch(() => {});
  return true;
}
