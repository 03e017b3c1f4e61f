import type { Database } from "../../db/client";
import type { Graph } from "../../workflows/graph";
import { DomainError } from "../errors";
import { syncAppWebhook } from "./app-webhook/sync";
import { syncPolling } from "./polling/sync";
import { syncSchedule } from "./schedule/sync";
import { syncWebhookEndpoint } from "./webhook/sync";

/** publicUrl: where third parties reach this platform (app-webhook hook URLs); defaults to JUNCTION_PUBLIC_URL. */
export type TriggerDeps = { db: Database; publicUrl?: string };

/**
 * What a trigger sync is told: the workflow is (now) active or not, and which published version runs. A sync
 * looks at the version's trigger node itself and sets up or tears down its own kind (a version whose trigger
 * is of another kind means "tear down"), so switching a workflow from webhook to schedule needs no special case.
 */
export type TriggerLifecycle = {
  workspaceId: string;
  workflowId: string;
  active: boolean;
  /** The published version that runs; null when the workflow has never been published. */
  version: { id: string; number: number; graph: Graph } | null;
};

export type TriggerSync = (deps: TriggerDeps, change: TriggerLifecycle) => Promise<void>;

/** One line per trigger kind. Each sync is idempotent: applying the same change twice leaves the same state. */
export const SYNCS: Record<string, TriggerSync> = {
  webhook: syncWebhookEndpoint,
  schedule: syncSchedule,
  polling: syncPolling,
  app_webhook: syncAppWebhook,
};

export class TriggerSyncError extends Error {
  override name = "TriggerSyncError";
}

/**
 * Brings every trigger kind in line with the workflow's state. Called after publish and by workflow.setActive.
 * All syncs run even if one fails (each is independent), then the failures are reported together.
 */
export async function applyTriggerLifecycle(deps: TriggerDeps, change: TriggerLifecycle): Promise<void> {
  const results = await Promise.allSettled(Object.entries(SYNCS).map(async ([kind, sync]) => sync(deps, change).catch((err: unknown) => Promise.reject(Object.assign(new TriggerSyncError(`${kind} trigger: ${(err as Error).message}`), { cause: err })))));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as Error);
  if (failures.length === 0) return;
  const message = failures.map((f) => f.message).join("; ");
  // A problem the user can fix (an unreachable third party, a missing integration) keeps its code, so the
  // caller gets BAD_REQUEST with the reason instead of an opaque server error.
  const domain = failures.map((f) => f.cause).find((c): c is DomainError => c instanceof DomainError);
  if (domain && failures.every((f) => f.cause instanceof DomainError)) throw new DomainError(domain.code, message);
  throw new TriggerSyncError(message, { cause: failures[0] });
}

/** The trigger node of a graph (validation guarantees exactly one in a published version). */
export function triggerNodeOf(graph: Graph | undefined | null) {
  return graph?.nodes.find((n) => n.kind === "trigger");
}
