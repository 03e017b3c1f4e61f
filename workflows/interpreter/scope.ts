import type { GraphNode } from "../graph/schema";
import type { Frame, RunCtx } from "./walk";

/** Ends the whole run from a stop node (success or error), wherever it is, loops included. */
export class StopRun extends Error {
  override name = "StopRun";
  constructor(readonly outcome: "success" | "error", readonly nodeId: string, message: string) {
    super(message);
  }
}

/** What expressions in control nodes see: the same names as mappings. */
export function scopeOf(run: RunCtx, frame: Frame): Record<string, unknown> {
  return { trigger: run.input.trigger, steps: frame.steps, item: frame.item, index: frame.index };
}

/** A step that failed after its retries with onError "fail": fails the run, naming the node. */
export class StepError extends Error {
  override name = "StepError";
  constructor(readonly nodeId: string, readonly stepKey: string, message: string, readonly type: string) {
    super(message);
  }
}

/** The message worth showing for an error: an activity failure's cause, not its "Activity task failed" wrapper. */
export function messageOf(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
}

/** Evaluates a control node's expression field; a bad one fails the run naming the node and the field. */
export function controlValue(node: GraphNode, frame: Frame, field: string, fn: () => unknown): unknown {
  try {
    return fn();
  } catch (err) {
    throw new StepError(node.id, frame.prefix + node.id, `"${node.id}".${field}: ${(err as Error).message}`, "ExpressionError");
  }
}
