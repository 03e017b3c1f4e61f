import type { ActivityOptions } from "@temporalio/workflow";
import { DEFAULT_STEP_RETRY, DEFAULT_STEP_TIMEOUT_MS, STEP_TIMEOUT_GRACE_MS } from "../constants";
import type { StepSettings } from "../graph/schema";

/** The per-attempt deadline the step activity enforces itself (see STEP_TIMEOUT_GRACE_MS). */
export const stepTimeoutMs = (settings: StepSettings | undefined): number => settings?.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;

/** A node's retry and timeout settings as Temporal activity options (Temporal does the retrying and backoff). */
export function stepActivityOptions(settings: StepSettings | undefined): ActivityOptions {
  const retry = settings?.retry ?? DEFAULT_STEP_RETRY;
  return {
    startToCloseTimeout: stepTimeoutMs(settings) + STEP_TIMEOUT_GRACE_MS,
    retry: {
      maximumAttempts: retry.maxAttempts,
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: retry.backoff === "exponential" ? 2 : 1,
      maximumInterval: ("maxIntervalMs" in retry ? retry.maxIntervalMs : undefined) ?? Math.max(retry.initialIntervalMs, 60_000),
      nonRetryableErrorTypes: [...retry.nonRetryable],
    },
  };
}
