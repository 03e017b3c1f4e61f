import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { runs, runSteps, stepBlobs } from "../../../db/schema";
import type { WebhookReply } from "../../../workflows/activities/builtin/webhook-response";
import type { LiveEndpoint } from "./endpoint";

const POLL_MS = 40;
const TERMINAL = new Set(["succeeded", "succeeded_with_errors", "failed", "cancelled"]);

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/** The Webhook Response steps of a graph: a sync hook answers with the first of them a run reaches. */
export function responseNodeIds(ep: LiveEndpoint): string[] {
  return ep.graph.nodes.filter((n) => n.kind === "action" && n.action.integration === "core" && n.action.key === "webhook_response").map((n) => n.id);
}

function replyResponse(runId: string, reply: WebhookReply): Response {
  const headers = new Headers(reply.headers);
  headers.set("x-junction-run-id", runId);
  if (typeof reply.body === "string") {
    if (!headers.has("content-type")) headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(reply.body, { status: reply.status, headers });
  }
  if (!headers.has("content-type")) headers.set("content-type", "application/json; charset=utf-8");
  return new Response(reply.body === null ? null : JSON.stringify(reply.body), { status: reply.status, headers });
}

async function succeededOutput(db: Database, runId: string, nodeIds?: string[]): Promise<{ found: boolean; output: unknown }> {
  const [row] = await db
    .select({ output: runSteps.output, blob: stepBlobs.data })
    .from(runSteps)
    .leftJoin(stepBlobs, eq(stepBlobs.id, runSteps.outputRef))
    .where(and(eq(runSteps.runId, runId), eq(runSteps.status, "succeeded"), nodeIds ? inArray(runSteps.nodeId, nodeIds) : undefined))
    .orderBy(nodeIds ? runSteps.finishedAt : desc(runSteps.finishedAt))
    .limit(1);
  return row ? { found: true, output: row.blob ?? row.output } : { found: false, output: null };
}

/**
 * Sync mode: waits for the run's first Webhook Response step, or (without one) for the run to end and answers
 * with its last step's output. Null when the hook's timeout passes first: the caller then answers 202 with the
 * run id, which keeps running; a sync hook never answers with a blank error.
 */
export async function awaitReply(db: Database, ep: LiveEndpoint, runId: string): Promise<Response | null> {
  const nodes = responseNodeIds(ep);
  const deadline = Date.now() + ep.syncTimeoutMs;
  // The run's records are the one source: a Webhook Response step, or the run's end (finishRun writes it).
  while (Date.now() < deadline) {
    if (nodes.length > 0) {
      const r = await succeededOutput(db, runId, nodes);
      if (r.found) return replyResponse(runId, r.output as WebhookReply);
    }
    const run = await db.query.runs.findFirst({ where: eq(runs.id, runId), columns: { status: true, error: true } });
    if (run && TERMINAL.has(run.status)) {
      // A response step may have finished just before the run did.
      const r = nodes.length > 0 ? await succeededOutput(db, runId, nodes) : { found: false, output: null };
      if (r.found) return replyResponse(runId, r.output as WebhookReply);
      // A step that failed and was set to continue still lets the run reply: the caller asked for its result.
      if (run.status !== "succeeded" && run.status !== "succeeded_with_errors") return jsonResponse(500, { runId, status: run.status, error: (run.error as { message?: string } | null)?.message ?? `The run ${run.status}` }, { "x-junction-run-id": runId });
      const last = await succeededOutput(db, runId);
      return jsonResponse(200, last.output, { "x-junction-run-id": runId });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return null;
}
