import { Context } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import type { Database } from "../../../db/client";
import { TRIGGER_ENTRY_TIMEOUT_MS } from "../../constants";
import { ActionError, type ActionExecutor } from "../executor";

/**
 * executor: the worker's sandbox executor (integrationExecutor), which runs trigger entries exactly like
 * actions: the verified version, the workspace's right to use it, the connection opened in worker memory
 * (OAuth2 refreshed), ctx.store/secrets/log. Undefined when the worker has no sandbox host.
 */
export type TriggerDeps = { db: Database; executor?: ActionExecutor };

export type TriggerSource = { workspaceId: string; integration: string; integrationVersion: string; triggerKey: string; connectionId: string | null };
export type TriggerEntry = "poll" | "subscribe" | "unsubscribe" | "parse";

/** Runs `trigger:<key>:<entry>` of the source's integration; throws ActionError when the integration fails. */
export async function runTriggerEntry(deps: TriggerDeps, source: TriggerSource, entry: TriggerEntry, input: Record<string, unknown>, runId: string): Promise<unknown> {
  if (!deps.executor) throw ApplicationFailure.nonRetryable("This worker has no sandbox host, so it cannot run integration triggers.", "NoSandbox");
  const ctx = Context.current();
  const result = await deps.executor.execute({ integration: source.integration, version: source.integrationVersion, key: `trigger:${source.triggerKey}:${entry}` }, input, {
    runId,
    workspaceId: source.workspaceId,
    stepKey: entry,
    attempt: ctx.info.attempt,
    idempotencyKey: `${runId}:${entry}`,
    connectionId: source.connectionId ?? undefined,
    limits: { wallMs: TRIGGER_ENTRY_TIMEOUT_MS },
    signal: ctx.cancellationSignal,
  });
  return result.output;
}

/** The integration's failure as a Temporal failure with its message and type; retryable only when it says so. */
export function entryFailure(err: unknown): unknown {
  if (!(err instanceof ActionError)) return err;
  return ApplicationFailure.create({ message: err.message, type: err.type, nonRetryable: !err.retryable });
}

/** The integration (or its setup: version, connection) failed, as opposed to the worker or the database. */
export const isIntegrationFailure = (err: unknown): err is Error => err instanceof ActionError || (err instanceof ApplicationFailure && err.type === "NoSandbox");
