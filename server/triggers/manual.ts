import type { Database } from "../../db/client";
import { startRun } from "../runs/commands";

export type TestPayload = {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | string[]>;
  method?: string;
};

/**
 * Trigger data entered by hand, in the shape a webhook delivery gives (method, headers, query, body), so mappings
 * such as `{{ trigger.body.user.id }}` behave the same in a test and in production.
 */
export function manualTrigger(payload: TestPayload) {
  return {
    kind: "manual",
    method: (payload.method ?? "POST").toUpperCase(),
    path: null,
    headers: Object.fromEntries(Object.entries(payload.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    query: payload.query ?? {},
    body: payload.body ?? null,
    ip: null,
    receivedAt: new Date().toISOString(),
  };
}

/** The editor's "Run with test data": a run of the draft (or the published version) with a hand-made delivery. */
export async function runManual(db: Database, userId: string, workspaceId: string, workflowId: string, payload: TestPayload, draft: boolean) {
  return startRun(db, userId, workspaceId, { workflowId, input: {}, draft, trigger: manualTrigger(payload) });
}
