import type { ActionRef } from "../actions/catalog";
import type { StepFailure } from "./classify-error";

/**
 * How a step's action is run. Today only built-in actions (builtin/); the sandbox runtime
 * (integrations/runtime) will implement this same interface for integration actions, and the
 * routing executor picks one by integration, so the step activity never changes.
 */
export type ActionContext = {
  runId: string;
  workspaceId: string;
  stepKey: string;
  attempt: number;
  /** run id + step key: the same on every attempt, so a retried call can be deduplicated downstream. */
  idempotencyKey: string;
  connectionId?: string;
  /** The node's per-execution limits for sandboxed actions (over the manifest's, within the runtime's maxima). */
  limits?: StepLimits;
  signal: AbortSignal;
};

export type StepLimits = { heapMb?: number; cpuMs?: number; wallMs?: number };

export type ResourceUsage = {
  cpuMs?: number;
  heapPeakBytes?: number;
  netBytes?: number;
  /** The sandbox's own figures, kept whole in run_steps.usage. */
  sandbox?: { cpuMs: number; wallMs: number; queuedMs: number; heapPeakBytes: number; fetchCount: number; fetchBytes: number };
};
export type StepLog = { level: string; message: string; data?: unknown; at: string };
export type ActionResult = { output: unknown; usage?: ResourceUsage; logs?: StepLog[] };

export interface ActionExecutor {
  execute(action: ActionRef, input: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult>;
}

/**
 * An action's failure. `type` is the error class a node's retry.nonRetryable list names; `retryable: false`
 * stops retries whatever the node's settings say (bad input, a 4xx that will not change). `failure`, when the
 * thrower knows it, is the classification the step records (else classifyStepError derives it from `type`).
 */
export class ActionError extends Error {
  override name = "ActionError";
  /** What the attempt used and logged before it failed, for the step record. */
  usage?: ResourceUsage;
  logs?: StepLog[];
  constructor(
    message: string,
    readonly type = "ActionError",
    readonly retryable = true,
    readonly failure?: StepFailure,
  ) {
    super(message);
  }

  /** An ActionError whose retryability is the classification's. */
  static classified(message: string, type: string, failure: StepFailure): ActionError {
    return new ActionError(message, type, failure.retryable, failure);
  }
}

/**
 * Sends each action to the executor for its integration ("core" → built-ins), else to `fallback` (the sandbox,
 * which knows every stored integration); without a fallback unknown ones fail at once.
 */
export function routingExecutor(byIntegration: Record<string, ActionExecutor>, fallback?: ActionExecutor): ActionExecutor {
  return {
    execute(action, input, ctx) {
      const executor = byIntegration[action.integration] ?? fallback;
      if (!executor) throw new ActionError(`No runtime for integration "${action.integration}"`, "UnknownAction", false);
      return executor.execute(action, input, ctx);
    },
  };
}
