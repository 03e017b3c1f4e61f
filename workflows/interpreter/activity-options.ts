import type { ActivityOptions } from "@temporalio/workflow";
import { DEFAULT_STEP_RETRY, DEFAULT_STEP_TIMEOUT_MS } from "../constants";
import type { StepSettings } from "../graph/schema";

/** A node's retry and timeout settings as Temporal activity options (Temporal does the retrying and backoff). */
export function stepActivityOptions(settings: StepSettings | undefined): ActivityOptions {
  const retry = settings?.retry ?? DEFAULT_STEP_RETRY;
  return {
    startToCloseTimeout: settings?.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    retry: {
      maximumAttempts: retry.maxAttempts,
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: retry.backoff === "exponential" ? 2 : 1,
      maximumInterval: ("maxIntervalMs" in retry ? retry.maxIntervalMs : undefined) ?? Math.max(retry.initialIntervalMs, 60_000),
      nonRetryableErrorTypes: [...retry.nonRetryable],
    },
  };
}
