import type { Database } from "../../db/client";
import {
  SandboxError,
  SandboxGuestError,
  SandboxLimitError,
  SandboxNetworkError,
  type SandboxHost,
  type SandboxResult,
} from "../../integrations/runtime";
import { openCredentials, type OpenedConnection } from "../../server/connections/vault";
import { refreshTokens } from "../../server/connections/oauth/refresh";
import { DomainError } from "../../server/errors";
import { assertUsable, IntegrationVersionError, type IntegrationVersion } from "../../server/integrations/versions";
import type { VersionLoader } from "../../server/integrations/version-cache";
import type { ActionRef } from "../actions/catalog";
import { stepCapabilities } from "./capabilities";
import { classifyStepError } from "./classify-error";
import type { StepLogCollector } from "./step-logs";
import { ActionError, type ActionContext, type ActionExecutor, type ActionResult, type ResourceUsage } from "./executor";

export type IntegrationExecutorDeps = { db: Database; sandbox: SandboxHost; versions: VersionLoader };

/**
 * Runs integration actions (every integration but the engine's own "core") in the sandbox: load the pinned,
 * verified version; check the workspace may use it; open the step's connection in this process's memory (an
 * OAuth2 token about to expire is refreshed first); build ctx's capabilities; execute with the manifest's and the
 * node's limits. An OAuth2 connection the service rejects (the integration throws AuthenticationError) is
 * refreshed once and the action run again. Credentials go into the isolate and nowhere else: not the step record,
 * not the result, not an error message.
 */
export function integrationExecutor(deps: IntegrationExecutorDeps): ActionExecutor {
  return {
    async execute(action, input, ctx) {
      const version = await loadVersion(deps, action, ctx.workspaceId);
      const first = await attempt(deps, version, action.key, input, ctx, await connectionFor(deps.db, version, ctx));
      if (!first.retryWithFreshToken) return first.result;
      const refreshed = await refreshAfter401(deps.db, first.connection!, ctx.workspaceId);
      const second = await attempt(deps, version, action.key, input, ctx, refreshed, first.logs);
      if (second.retryWithFreshToken) throw second.error;
      return second.result;
    },
  };
}

async function loadVersion(deps: IntegrationExecutorDeps, action: ActionRef, workspaceId: string): Promise<IntegrationVersion> {
  try {
    const version = await deps.versions({ integration: action.integration, version: action.version });
    await assertUsable(deps.db, workspaceId, version);
    // Entry keys with ":" (trigger:<key>:poll …) come from the trigger activities; graph validation only lets
    // declared actions into steps (server/integrations/catalog.ts), so a step never names one.
    if (!version.manifest.actions.some((a) => a.key === action.key) && !action.key.includes(":")) {
      throw new ActionError(`Integration ${version.slug}@${version.version} has no action "${action.key}".`, "UnknownAction", false);
    }
    return version;
  } catch (err) {
    if (err instanceof IntegrationVersionError) throw new ActionError(err.message, "IntegrationUnavailable", false);
    throw err;
  }
}

async function connectionFor(db: Database, version: IntegrationVersion, ctx: ActionContext): Promise<OpenedConnection | undefined> {
  if (!ctx.connectionId) return undefined;
  let opened: OpenedConnection;
  try {
    opened = await openCredentials(db, { workspaceId: ctx.workspaceId, connectionId: ctx.connectionId });
  } catch (err) {
    if (err instanceof DomainError) throw new ActionError(err.message, "ConnectionError", false);
    throw err;
  }
  if (opened.integrationSlug !== version.slug) {
    throw new ActionError(`The step's connection belongs to ${opened.integrationSlug}, not ${version.slug}.`, "ConnectionError", false);
  }
  return opened;
}

async function refreshAfter401(db: Database, connection: OpenedConnection, workspaceId: string): Promise<OpenedConnection> {
  try {
    await refreshTokens(db, connection.id, { force: true });
    return await openCredentials(db, { workspaceId, connectionId: connection.id });
  } catch (err) {
    if (err instanceof DomainError) throw new ActionError(`The service rejected the connection and refreshing it failed: ${err.message}`, "AuthenticationError", false);
    throw err;
  }
}

type Attempt =
  | { retryWithFreshToken: false; result: ActionResult }
  | { retryWithFreshToken: true; error: ActionError; connection: OpenedConnection; logs: StepLogCollector };

async function attempt(
  deps: IntegrationExecutorDeps,
  version: IntegrationVersion,
  actionKey: string,
  input: Record<string, unknown>,
  ctx: ActionContext,
  connection: OpenedConnection | undefined,
  /** The first attempt's log when this is the run again after a refresh (which is never retried again). */
  earlierLogs?: StepLogCollector,
): Promise<Attempt> {
  const retry = earlierLogs !== undefined;
  const inst = { workspaceId: ctx.workspaceId, integrationId: version.integrationId };
  const { capabilities, logs } = stepCapabilities(deps.db, inst, version.manifest, earlierLogs);
  let result: SandboxResult;
  try {
    result = await deps.sandbox.execute({
      bundle: version.bundle,
      bundleHash: version.bundleHash,
      integrationId: version.slug,
      actionKey,
      input,
      connection: connection?.credentials,
      permissions: { network: version.manifest.permissions.network },
      limits: { ...version.manifest.limits, ...ctx.limits },
      run: { runId: ctx.runId, stepId: ctx.stepKey, attempt: ctx.attempt, idempotencyKey: ctx.idempotencyKey },
      capabilities,
      signal: ctx.signal,
    });
  } catch (err) {
    const error = toActionError(err);
    error.logs = logs.lines();
    if (err instanceof SandboxError && err.usage) error.usage = usageOf(err.usage);
    const unauthorized = err instanceof SandboxGuestError && err.guestName === "AuthenticationError";
    if (unauthorized && connection?.kind === "oauth2" && !retry) return { retryWithFreshToken: true, error, connection, logs };
    throw error;
  }
  return { retryWithFreshToken: false, result: { output: result.output, usage: usageOf(result.usage), logs: logs.lines() } };
}

function usageOf(u: SandboxResult["usage"]): ResourceUsage {
  return { cpuMs: Math.round(u.cpuMs), heapPeakBytes: u.heapPeakBytes, netBytes: u.fetchBytes, sandbox: u };
}

/**
 * The sandbox's typed failures as step failures, classified (classify-error.ts) for the retry decision; the
 * type is what a node's retry.nonRetryable list can name.
 */
function toActionError(err: unknown): ActionError {
  if (err instanceof ActionError) return err;
  const failure = classifyStepError(err);
  const message = err instanceof Error ? err.message : String(err);
  return ActionError.classified(message, errorType(err), failure);
}

function errorType(err: unknown): string {
  if (err instanceof SandboxLimitError) return err.limit === "concurrency" ? "SandboxBusy" : "LimitExceeded";
  if (err instanceof SandboxNetworkError) return "NetworkPolicyError";
  if (err instanceof SandboxGuestError) return err.guestName;
  if (err instanceof SandboxError) return err.name;
  return "Error";
}
