import { Context } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import type { Database } from "../../db/client";
import type { StepRequest, StepResult } from "../interpreter/types";
import { renderValue } from "../mapping/template";
import { loadBlobs, storeIfLarge } from "./blobs";
import { DEFAULT_STEP_TIMEOUT_MS } from "../constants";
import { withDeadline } from "./deadline";
import { ActionError, type ActionExecutor } from "./executor";
import { recordStepFinished, recordStepStarted } from "./record";

export type StepDeps = { db: Database; executor: ActionExecutor };

/** An action's error as a Temporal failure: its type drives nonRetryableErrorTypes; retryable=false stops retries. */
function toFailure(err: unknown): ApplicationFailure {
  if (err instanceof ActionError) return ApplicationFailure.create({ message: err.message, type: err.type, nonRetryable: !err.retryable });
  return ApplicationFailure.create({ message: err instanceof Error ? err.message : String(err), type: "Error" });
}

/**
 * The one step activity: evaluate the mapping, run the action, record the attempt in run_steps (input,
 * output or blob reference, error, timings, resource usage) and return the output (or its reference).
 */
export function createRunStep({ db, executor }: StepDeps) {
  return async function runStep(req: StepRequest): Promise<StepResult> {
    const ctx = Context.current();
    const id = { runId: req.runId, nodeId: req.nodeId, stepKey: req.stepKey, attempt: ctx.info.attempt };
    const startedAt = new Date();
    let input: Record<string, unknown>;
    try {
      input = renderValue(req.input, await loadBlobs(db, req.scope)) as Record<string, unknown>;
    } catch (err) {
      const error = { message: `Input mapping: ${(err as Error).message}`, type: "MappingError" };
      await recordStepStarted(db, id, null, startedAt);
      await recordStepFinished(db, id, { status: "failed", error, startedAt });
      throw ApplicationFailure.nonRetryable(error.message, error.type);
    }
    await recordStepStarted(db, id, input, startedAt);
    const cpuBefore = process.cpuUsage();
    try {
      const result = await withDeadline(req.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS, ctx.cancellationSignal, (signal) =>
        executor.execute(req.action, input, {
          runId: req.runId,
          workspaceId: req.workspaceId,
          stepKey: req.stepKey,
          attempt: id.attempt,
          idempotencyKey: `${req.runId}:${req.stepKey}`,
          connectionId: req.connectionId,
          limits: req.limits,
          signal,
        }),
      );
      // Process CPU while the action ran (built-ins run in-process); the sandbox reports its own, exact figure.
      const cpu = process.cpuUsage(cpuBefore);
      const usage = { cpuMs: Math.round((cpu.user + cpu.system) / 1000), ...result.usage };
      const stored = await storeIfLarge(db, req.runId, req.stepKey, result.output);
      await recordStepFinished(db, id, { status: "succeeded", output: result.output, outputRef: stored.ref?.$blob, startedAt, usage, logs: result.logs });
      return { output: stored.value };
    } catch (err) {
      const failure = toFailure(err);
      const extra = err instanceof ActionError ? { usage: err.usage, logs: err.logs } : {};
      await recordStepFinished(db, id, { status: "failed", error: { message: failure.message, type: failure.type ?? "Error" }, startedAt, ...extra });
      throw failure;
    }
  };
}
