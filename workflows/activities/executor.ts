import type { ActionRef } from "../actions/catalog";

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
  signal: AbortSignal;
};

export type ResourceUsage = { cpuMs?: number; heapPeakBytes?: number; netBytes?: number };
export type ActionResult = { output: unknown; usage?: ResourceUsage };

export interface ActionExecutor {
  execute(action: ActionRef, input: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult>;
}

/**
 * An action's failure. `type` is the error class a node's retry.nonRetryable list names; `retryable: false`
 * stops retries whatever the node's settings say (bad input, a 4xx that will not change).
 */
export class ActionError extends Error {
  override name = "ActionError";
  constructor(message: string, readonly type = "ActionError", readonly retryable = true) {
    super(message);
  }
}

/** Sends each action to the executor for its integration ("core" → built-ins); unknown ones fail at once. */
export function routingExecutor(byIntegration: Record<string, ActionExecutor>): ActionExecutor {
  return {
    execute(action, input, ctx) {
      const executor = byIntegration[action.integration];
      if (!executor) throw new ActionError(`No runtime for integration "${action.integration}"`, "UnknownAction", false);
      return executor.execute(action, input, ctx);
    },
  };
}
