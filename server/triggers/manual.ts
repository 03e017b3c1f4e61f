import type { Database } from "../../db/client";
import { startRun } from "../runs/commands";

export type TestPayload = {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | string[]>;
  method?: string;
};

/**
 * The editor's "Run with test data": a run of the draft (or the published version) whose trigger data has the
 * same shape a webhook delivery gives (method, headers, query, body), so mappings such as
 * `{{ trigger.body.user.id }}` behave the same in the test and in production.
 */
export async function runManual(db: Database, userId: string, workspaceId: string, workflowId: string, payload: TestPayload, draft: boolean) {
  const trigger = {
    kind: "manual",
    method: (payload.method ?? "POST").toUpperCase(),
    path: null,
    headers: Object.fromEntries(Object.entries(payload.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    query: payload.query ?? {},
    body: payload.body ?? null,
    ip: null,
    receivedAt: new Date().toISOString(),
  };
  return startRun(db, userId, workspaceId, { workflowId, input: {}, draft, trigger });
}
