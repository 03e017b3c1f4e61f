import { Context } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import type { Database } from "../../../db/client";
import { SandboxError, type SandboxHost } from "../../../integrations/runtime";
import { openCredentials } from "../../../server/connections/vault";
import { loadIntegrationVersion, type LoadedIntegration } from "../../../server/triggers/integration-version";
import { TRIGGER_ENTRY_TIMEOUT_MS } from "../../constants";

/** What trigger activities need besides the database: the worker's sandbox host (and, in tests, a loader). */
export type TriggerRuntime = {
  sandbox: SandboxHost;
  /** Defaults to the approved version in integration_versions. */
  loadIntegration?: (db: Database, ref: { integration: string; version: string }) => Promise<LoadedIntegration>;
};
export type TriggerDeps = { db: Database; triggers?: TriggerRuntime };

export type TriggerSource = { workspaceId: string; integration: string; integrationVersion: string; triggerKey: string; connectionId: string | null };
export type TriggerEntry = "poll" | "subscribe" | "unsubscribe" | "parse";

/**
 * Runs one of an integration trigger's entries (`trigger:<key>:poll`, …) in the sandbox, like an action: the
 * approved bundle, the connection decrypted here in the worker, the manifest's network permissions. Throws
 * the sandbox's typed errors; callers decide which of them are the integration's fault.
 */
export async function runTriggerEntry(deps: TriggerDeps, source: TriggerSource, entry: TriggerEntry, input: unknown, runId: string): Promise<unknown> {
  if (!deps.triggers) throw ApplicationFailure.nonRetryable("This worker has no sandbox host, so it cannot run integration triggers.", "NoSandbox");
  const load = deps.triggers.loadIntegration ?? loadIntegrationVersion;
  const integration = await load(deps.db, { integration: source.integration, version: source.integrationVersion });
  let connection: Record<string, string> | undefined;
  if (source.connectionId) {
    const opened = await openCredentials(deps.db, { workspaceId: source.workspaceId, connectionId: source.connectionId });
    if (opened.integrationSlug !== source.integration) throw ApplicationFailure.nonRetryable(`The trigger's connection belongs to ${opened.integrationSlug}, not ${source.integration}.`, "WrongConnection");
    connection = opened.credentials;
  }
  const ctx = Context.current();
  const result = await deps.triggers.sandbox.execute({
    bundle: integration.bundle,
    bundleHash: integration.sha256,
    integrationId: integration.slug,
    actionKey: `trigger:${source.triggerKey}:${entry}`,
    input,
    connection,
    permissions: { network: integration.manifest.permissions.network },
    limits: { wallMs: TRIGGER_ENTRY_TIMEOUT_MS },
    run: { runId, stepId: entry, attempt: ctx.info.attempt, idempotencyKey: `${runId}:${entry}` },
    signal: ctx.cancellationSignal,
  });
  return result.output;
}

/** A sandbox failure as a Temporal failure with the integration's message; retryable only when the sandbox says so. */
export function entryFailure(err: unknown): unknown {
  if (!(err instanceof SandboxError)) return err;
  const name = "guestName" in err ? String(err.guestName) : err.name;
  return ApplicationFailure.create({ message: err.message, type: name, nonRetryable: !err.retryable });
}

export const isSandboxError = (err: unknown): err is SandboxError => err instanceof SandboxError;
