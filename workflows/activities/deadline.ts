import { ActionError } from "./executor";

/** The error type of a step attempt that ran past its timeoutMs (name it in retry.nonRetryable to not retry). */
export const STEP_TIMEOUT = "StepTimeout";

/**
 * Runs an action under the step's own deadline. Temporal's start-to-close timeout alone does not stop an
 * activity that is still running in a live worker: the action would go on (and its late result be dropped)
 * while the retry already runs. Here the action's signal aborts at the deadline and the attempt fails at once
 * with a message that says so. The parent signal (the run's cancellation) aborts it too, and the attempt ends
 * with the parent's reason at once, even if the action is slow to notice its signal.
 */
export async function withDeadline<T>(timeoutMs: number, parent: AbortSignal, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onParent = () => {};
  const ended = new Promise<never>((_, reject) => {
    const stop = (reason: unknown) => {
      controller.abort(reason);
      reject(reason);
    };
    onParent = () => stop(parent.reason);
    timer = setTimeout(() => stop(new ActionError(`Timed out after ${timeoutMs} ms`, STEP_TIMEOUT, true)), timeoutMs);
  });
  if (parent.aborted) onParent();
  else parent.addEventListener("abort", onParent, { once: true });
  try {
    return await Promise.race([run(controller.signal), ended]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener("abort", onParent);
  }
}
