import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { webhookEndpoints } from "../../../db/schema";
import { webhookSettings } from "../../../workflows/graph";
import type { TriggerDeps, TriggerLifecycle } from "../lifecycle";
import { forgetEndpoint } from "./endpoint";

/** 192 random bits, URL-safe: the hook id is the only thing that keeps an unverified hook private. */
export const newHookId = () => randomBytes(24).toString("base64url");

const hookIds = { hookId: webhookEndpoints.hookId, previousHookId: webhookEndpoints.previousHookId };

/**
 * The webhook line of the trigger registry: an active workflow whose published trigger is a webhook gets an
 * active endpoint carrying that version's settings; anything else leaves its endpoint (if any) inactive.
 * The hook id and the sealed secrets are kept across both, so the sender's URL and signature keep working.
 */
export async function syncWebhookEndpoint({ db }: TriggerDeps, change: TriggerLifecycle): Promise<void> {
  const node = change.version?.graph.nodes.find((n) => n.kind === "trigger");
  const wanted = change.active && change.version && node?.kind === "trigger" && node.trigger === "webhook";
  if (!wanted) {
    const off = await db.update(webhookEndpoints).set({ active: false, updatedAt: new Date() }).where(eq(webhookEndpoints.workflowId, change.workflowId)).returning(hookIds);
    for (const e of off) forgetEndpoint(e.hookId, e.previousHookId);
    return;
  }
  const cfg = webhookSettings(node.webhook);
  const settings = {
    active: true,
    versionId: change.version!.id,
    methods: cfg.methods,
    preset: cfg.verification.preset,
    verification: cfg.verification as Record<string, unknown>,
    mode: cfg.mode,
    syncTimeoutMs: cfg.syncTimeoutMs,
    bodyType: cfg.body,
    limits: cfg.limits,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ hookId: newHookId(), workspaceId: change.workspaceId, workflowId: change.workflowId, ...settings })
    .onConflictDoUpdate({ target: webhookEndpoints.workflowId, set: settings })
    .returning(hookIds);
  forgetEndpoint(row!.hookId, row!.previousHookId);
}
