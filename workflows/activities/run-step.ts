import { Context } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import type { Database } from "../../db/client";
import { DEFAULT_STEP_TIMEOUT_MS } from "../constants";
import type { StepRequest, StepResult } from "../interpreter/types";
import { MAX_WARNINGS } from "../mapping/reference-warnings";
import { renderFields, TemplateFieldError } from "../mapping/template";
import { loadBlobs, storeIfLarge } from "./blobs";
import { withDeadline } from "./deadline";
import { startHeartbeats } from "./heartbeat";
import { classifyStepError, type StepFailure } from "./classify-error";
import { ActionError, type ActionExecutor } from "./executor";
import { outputTooDeep } from "./output-limits";
import { markRunRunning, recordStepFinished, recordStepStarted, RUNNING_ROW_AFTER_MS, type StepEnd } from "./record";

export type StepDeps = { db: Database; executor: ActionExecutor };

/**
 * A failure's message is written for the run view, and copied into the step row, the run's error (which the runs
 * list reads) and Temporal's history: an action failing with a megabyte of text must not make all of them heavy.
 */
const MAX_ERROR_MESSAGE_CHARS = 2000;
const clipMessage = (text: string) => (text.length > MAX_ERROR_MESSAGE_CHARS ? `${text.slice(0, MAX_ERROR_MESSAGE_CHARS)}… (${text.length - MAX_ERROR_MESSAGE_CHARS} more characters)` : text);

/**
 * An action's error as a Temporal failure: its type drives nonRetryableErrorTypes; the classification decides
 * whether it is retried at all, and a Retry-After the service sent becomes the delay before the next attempt.
 */
function toFailure(err: unknown, failure: StepFailure): ApplicationFailure {
  return ApplicationFailure.create({
    message: clipMessage(err instanceof Error ? err.message : String(err)),
    type: err instanceof ActionError ? err.type : "Error",
    nonRetryable: !failure.retryable,
    nextRetryDelay: failure.retryAfterMs,
  });
}

/**
 * The one step activity (run as a Temporal activity, or a local one for cheap built-ins): evaluate the mapping,
 * run the action under the step's deadline, record the attempt in run_steps (input, output or blob reference,
 * error, timings, resource usage) and return the output (or its reference).
 */
export function createRunStep(deps: StepDeps) {
  return async function runStep(req: StepRequest): Promise<StepResult> {
    const ctx = Context.current();
    // Until the attempt's record is written: a Postgres restart while writing it must not look like a lost worker.
    const stopHeartbeats = startHeartbeats(ctx);
    try {
      return await attempt(deps, ctx, req);
    } finally {
      stopHeartbeats();
    }
  };
}

async function attempt({ db, executor }: StepDeps, ctx: Context, req: StepRequest): Promise<StepResult> {
  const id = { runId: req.runId, nodeId: req.nodeId, stepKey: req.stepKey, attempt: ctx.info.attempt };
  const startedAt = new Date();
  // Caught at once (an unawaited rejection would end the worker); a run left "queued" is set right by finishRun.
  const marking = markRunRunning(db, req.runId).catch(() => {});
  // Every end of the attempt, failed ones included, carries the interpreter's warnings about the mapping.
  const finish = async (end: StepEnd) => void (await Promise.all([marking, recordStepFinished(db, id, req.warnings?.length ? { ...end, warnings: req.warnings.slice(0, MAX_WARNINGS) } : end)]));
  let input: Record<string, unknown>;
  try {
    input = renderFields(req.input, await loadBlobs(db, req.scope)) as Record<string, unknown>;
  } catch (err) {
    // The field whose template failed, so the editor can point at it ("input.url").
    const field = err instanceof TemplateFieldError && err.field ? `input.${err.field}` : undefined;
    const error = { message: clipMessage(`Input mapping: ${field ? `${field}: ` : ""}${(err as Error).message}`), type: "MappingError", ...(field && { field }) };
    await finish({ status: "failed", input: null, error, failure: classifyStepError(new ActionError(error.message, error.type, false)), startedAt });
    throw ApplicationFailure.nonRetryable(error.message, error.type);
  }
  // Only a progress marker: the attempt's end is the record, so a failed write here is not the step's failure.
  let runningRow: Promise<void> | undefined;
  const timer = setTimeout(() => (runningRow = recordStepStarted(db, id, input, startedAt).catch(() => {})), RUNNING_ROW_AFTER_MS);
  const cpuBefore = process.cpuUsage();
  let end: StepEnd;
  let failure: unknown;
  let value: unknown;
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
    const tooDeep = outputTooDeep(result.output);
    if (tooDeep) throw Object.assign(tooDeep, { usage, logs: result.logs });
    const stored = await storeIfLarge(db, req.runId, req.stepKey, result.output);
    value = stored.value;
    end = { status: "succeeded", input, output: result.output, outputRef: stored.ref?.$blob, startedAt, usage, logs: result.logs };
  } catch (err) {
    if (ctx.cancellationSignal.aborted) {
      // The run was cancelled (or the worker is stopping): record that, and end the attempt as cancelled.
      failure = ctx.cancellationSignal.reason;
      const cancelled = { retryable: false, category: "cancelled", reason: "the run was cancelled" } as const;
      end = { status: "failed", input, error: { message: "Cancelled", type: "Cancelled" }, failure: cancelled, startedAt };
    } else {
      const classified = classifyStepError(err);
      const f = toFailure(err, classified);
      failure = f;
      // What the attempt used and logged before it failed (sandboxed actions report it on the error).
      const extra = err instanceof ActionError ? { usage: err.usage, logs: err.logs } : {};
      end = { status: "failed", input, error: { message: f.message, type: f.type ?? "Error" }, failure: classified, startedAt, ...extra };
    }
  }
  clearTimeout(timer);
  await runningRow; // the "running" row must land before the end's upsert, never after it
  await finish(end);
  if (failure) throw failure;
  return { output: value };
}
