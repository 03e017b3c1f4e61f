import { eq, or } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { webhookEndpoints, workflowVersions } from "../../../db/schema";
import { verificationConfig, webhookLimits, type Graph, type VerificationConfig, type WebhookLimits } from "../../../workflows/graph";
import { unsealWebhookSecrets, type WebhookSecrets } from "./secrets";

/** Everything the ingest path needs about one active hook, in memory. */
export type LiveEndpoint = {
  /** The hook id of the URL the delivery came to (the current one, or the previous one during a grace period). */
  hookId: string;
  /** The key deliveries are deduplicated under, the same for every URL the endpoint has had (webhook_endpoints.delivery_scope). */
  deliveryScope: string;
  /** For the previous URL after a rotation: when it stops working (ms since epoch); null for the current URL. */
  acceptedUntil: number | null;
  endpointId: string;
  workspaceId: string;
  workflowId: string;
  versionId: string;
  graph: Graph;
  methods: ReadonlySet<string>;
  verification: VerificationConfig;
  mode: "async" | "sync";
  syncTimeoutMs: number;
  bodyType: "json" | "form" | "text" | "binary";
  limits: WebhookLimits;
  secrets: WebhookSecrets;
  previousSecretExpiresAt: Date | null;
};

/** Hook ids are 24 random bytes in base64url; anything else is refused before touching the database. */
export const HOOK_ID = /^[A-Za-z0-9_-]{32}$/;

// A short cache: a burst of deliveries to one hook costs one query (and one unseal) instead of one each.
// Changes made in this process forget the entry at once; other web processes see them within the TTL.
const TTL_MS = Number(process.env.JUNCTION_HOOK_CACHE_MS ?? 2_000);
const MAX_ENTRIES = 10_000;
type Entry = { value: LiveEndpoint | null; expires: number };
const g = globalThis as unknown as { __junctionHooks?: { cache: Map<string, Entry>; loading: Map<string, Promise<LiveEndpoint | null>> } };
const state = (g.__junctionHooks ??= { cache: new Map(), loading: new Map() });

/** Forgets the cached entries of an endpoint's hook ids (its current and, during a grace period, previous one). */
export function forgetEndpoint(...hookIds: (string | null)[]): void {
  for (const id of hookIds) if (id) state.cache.delete(id);
}

export function forgetAllEndpoints(): void {
  state.cache.clear();
}

/**
 * The active endpoint behind a hook id, or null (unknown, inactive, disabled, its version is gone, or a rotated-away
 * id whose grace period is over). A cached entry for an old id is checked against its grace period on every use.
 */
export async function findEndpoint(db: Database, hookId: string, now = Date.now()): Promise<LiveEndpoint | null> {
  const ep = await findCached(db, hookId);
  return ep && (ep.acceptedUntil === null || ep.acceptedUntil > now) ? ep : null;
}

async function findCached(db: Database, hookId: string): Promise<LiveEndpoint | null> {
  if (!HOOK_ID.test(hookId)) return null;
  const hit = state.cache.get(hookId);
  if (hit && hit.expires > Date.now()) return hit.value;
  // Concurrent misses for one hook share one query.
  let pending = state.loading.get(hookId);
  if (!pending) {
    pending = load(db, hookId).finally(() => state.loading.delete(hookId));
    state.loading.set(hookId, pending);
  }
  const value = await pending;
  if (state.cache.size >= MAX_ENTRIES) state.cache.delete(state.cache.keys().next().value!);
  state.cache.set(hookId, { value, expires: Date.now() + TTL_MS });
  return value;
}

async function load(db: Database, hookId: string): Promise<LiveEndpoint | null> {
  const [row] = await db
    .select({ e: webhookEndpoints, graph: workflowVersions.graph })
    .from(webhookEndpoints)
    .innerJoin(workflowVersions, eq(workflowVersions.id, webhookEndpoints.versionId))
    // Both columns are unique (indexed): one query, a bitmap OR of two index lookups.
    .where(or(eq(webhookEndpoints.hookId, hookId), eq(webhookEndpoints.previousHookId, hookId)))
    .limit(1);
  if (!row || !row.e.active || row.e.disabledAt) return null;
  const e = row.e;
  const viaPrevious = e.hookId !== hookId;
  if (viaPrevious && !e.previousHookExpiresAt) return null;
  return {
    hookId,
    deliveryScope: e.deliveryScope ?? e.hookId,
    acceptedUntil: viaPrevious ? e.previousHookExpiresAt!.getTime() : null,
    endpointId: e.id,
    workspaceId: e.workspaceId,
    workflowId: e.workflowId,
    versionId: e.versionId!,
    graph: row.graph as Graph,
    methods: new Set(e.methods),
    verification: verificationConfig.parse(e.verification),
    mode: e.mode === "sync" ? "sync" : "async",
    syncTimeoutMs: e.syncTimeoutMs,
    bodyType: e.bodyType as LiveEndpoint["bodyType"],
    limits: webhookLimits.parse(e.limits),
    secrets: unsealWebhookSecrets(e),
    previousSecretExpiresAt: e.previousSecretExpiresAt,
  };
}
