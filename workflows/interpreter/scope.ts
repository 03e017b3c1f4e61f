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
