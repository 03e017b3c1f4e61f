import type { Database } from "../../db/client";
import type { Graph } from "../../workflows/graph";

/**
 * What every trigger sync gets when a workflow is published, changed, activated or deactivated: the workflow
 * and, when it should be live, the version whose trigger applies (null or active=false: remove everything).
 * Syncs are idempotent: called twice with the same change, the second call finds nothing to do.
 */
export type TriggerChange = { workspaceId: string; workflowId: string; active: boolean; version: { id: string; graph: Graph } | null };
/** publicUrl: the address third parties reach this platform at (hook URLs are built from it). */
export type TriggerSyncDeps = { db: Database; publicUrl?: string };
export type TriggerSync = (deps: TriggerSyncDeps, change: TriggerChange) => Promise<void>;
