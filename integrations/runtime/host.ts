import { jsonLimits } from "../../db/json";
import { createGate } from "./concurrency";
import { SandboxConfigError, SandboxError } from "./errors";
import { resolveLimits } from "./limits";
import { createProcessPool } from "./process/process-pool";
import type { ExecuteRequest, SandboxHost, SandboxHostOptions, SandboxResult } from "./types";

/**
 * The sandbox for the worker: executions are admitted per integration (bounded queue), then run in one of a
 * few sandbox processes, each running many isolates. Processes, not just isolates, because V8 cannot contain
 * every out-of-memory: some (a Map or dictionary growing past the heap limit in one allocation) are fatal
 * to the whole process that holds the isolate. Here that costs a sandbox process, never the worker.
 */
export function createSandboxHost(options: SandboxHostOptions = {}): SandboxHost {
  resolveLimits(options.limits); // fail at startup, not on the first run, if the defaults are wrong
  // A production worker that could reach loopback or use made-up DNS would undo the fetch guard: refuse to start.
  if ((options.allowLoopbackForTests || options.resolver) && process.env.NODE_ENV !== "test") {
    throw new SandboxConfigError("allowLoopbackForTests and resolver are for tests only; they need NODE_ENV=test.");
  }
  const gate = createGate(options.maxConcurrentPerIntegration ?? 8, options.maxQueuedPerIntegration ?? 100);
  const pool = createProcessPool({
    size: options.processes ?? 2,
    killGraceMs: options.killGraceMs ?? 1_000,
    allowLoopback: options.allowLoopbackForTests ?? false,
    remoteResolver: options.resolver !== undefined,
    resolver: options.resolver,
    memoryCapMb: options.processMemoryCapMb ?? 2_048,
    json: options.jsonLimits ?? jsonLimits(),
    onProcessExit: options.onProcessExit,
  });

  async function execute(request: ExecuteRequest): Promise<SandboxResult> {
    const limits = resolveLimits(options.limits, request.limits);
    checkRequest(request);
    const queuedAt = performance.now();
    const release = await gate.acquire(request.integrationId, request.signal);
    const queuedMs = Math.round((performance.now() - queuedAt) * 100) / 100;
    try {
      const result = await pool.run(request, limits);
      result.usage.queuedMs = queuedMs;
      return result;
    } catch (error) {
      if (error instanceof SandboxError && error.usage) error.usage.queuedMs = queuedMs;
      throw error;
    } finally {
      release();
    }
  }

  return {
    execute,
    close: async () => pool.close(),
  };
}

function checkRequest(request: ExecuteRequest): void {
  const problems: string[] = [];
  if (typeof request.bundle !== "string" || request.bundle.length === 0) problems.push("bundle must be a non-empty string");
  if (typeof request.bundleHash !== "string" || !/^[0-9a-f]{64}$/i.test(request.bundleHash)) problems.push("bundleHash must be a sha256 hex digest");
  if (typeof request.integrationId !== "string" || !request.integrationId) problems.push("integrationId is required");
  if (typeof request.actionKey !== "string" || !request.actionKey) problems.push("actionKey is required");
  if (!Array.isArray(request.permissions?.network)) problems.push("permissions.network must be an array of host patterns");
  if (problems.length) throw new SandboxConfigError(`Invalid sandbox request: ${problems.join("; ")}.`);
}
