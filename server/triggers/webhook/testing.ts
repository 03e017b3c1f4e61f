import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../../../db/client";
import { runs } from "../../../db/schema";
import type { WebhookConfigInput } from "../../../workflows/graph";
import { g, publishGraph, waitForRun } from "../../../workflows/testing/harness";
import type { newUser } from "../../testing/users";

type User = Awaited<ReturnType<typeof newUser>>;

/** Publishes and activates a workflow whose trigger is a webhook, optionally with a secret; returns its hook. */
export async function activeHook(user: User, webhook: WebhookConfigInput, opts: { secret?: string; nodes?: unknown[]; edges?: unknown[] } = {}) {
  const nodes = opts.nodes ?? [g.set("echo", { got: "{{ trigger.body }}", method: "{{ trigger.method }}" })];
  const edges = opts.edges ?? [g.edge("start", "echo")];
  const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "webhook", webhook }, ...nodes], edges };
  const { workspaceId, workflowId } = await publishGraph(user, graph, "Webhook workflow");
  if (opts.secret) await user.caller.webhook.setSecret({ workspaceId, workflowId, secret: opts.secret });
  await user.caller.workflow.setActive({ workspaceId, workflowId, active: true });
  const ep = (await user.caller.webhook.get({ workspaceId, workflowId }))!;
  return { workspaceId, workflowId, hookId: ep.hookId, path: ep.path };
}

/** A request as the route receives it (the test calls the same handler the Next.js route calls). */
export function hookRequest(hookId: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string>; query?: string } = {}) {
  const headers = new Headers({ "x-forwarded-for": "203.0.113.7", ...(init.body !== undefined && !init.headers?.["content-type"] ? { "content-type": "application/json" } : {}), ...init.headers });
  return new Request(`http://hooks.test/api/hooks/${hookId}${init.query ?? ""}`, { method: init.method ?? "POST", headers, body: init.body as BodyInit | undefined, duplex: "half" } as RequestInit);
}

/** Waits for a delivery's run to end. Its row appears when the worker picks it up (the run records itself). */
export async function waitForHookRun(user: User, runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await getDb().query.runs.findFirst({ where: eq(runs.id, runId), columns: { id: true } }))) {
    if (Date.now() > deadline) throw new Error(`run ${runId} was never recorded`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return waitForRun(user, runId, Math.max(1_000, deadline - Date.now()));
}

/** GitHub's signature over raw bytes (the octokit helper signs strings as UTF-8, which binary bodies are not). */
export const githubSignature = (secret: string, raw: Buffer) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
