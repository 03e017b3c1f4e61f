/**
 * The run view's one line on a failed attempt: whether it was retried and why (run_steps.error_category,
 * error_retryable, error_reason, written by workflows/activities/classify-error.ts).
 */
const CATEGORIES: Record<string, string> = {
  user_code: "user code",
  validation: "invalid input",
  network_permanent: "permanent network error",
  network_transient: "transient network error",
  timeout: "timeout",
  rate_limited: "rate limited",
  upstream_5xx: "server error",
  upstream_4xx: "request refused",
  declared_retryable: "the action asked for a retry",
  limit: "sandbox limit",
  busy: "sandbox busy",
  crash: "internal failure",
  auth: "credentials rejected",
  config: "configuration",
  cancelled: "cancelled",
};

export type FailedAttempt = { attempt: number; errorCategory: string | null; errorRetryable: boolean | null; errorReason: string | null };

/** null for attempts recorded before failures were classified. */
export function failureNote(step: FailedAttempt, retriedAfter: boolean): string | null {
  if (step.errorCategory === null || step.errorRetryable === null) return null;
  const why = `${step.errorReason ?? "it failed"} (${CATEGORIES[step.errorCategory] ?? step.errorCategory.replace(/_/g, " ")})`;
  if (!step.errorRetryable) return `Not retried: ${why}.`;
  if (retriedAfter) return `Retried: ${why}.`;
  const times = step.attempt - 1;
  return times > 0 ? `Retried ${times} ${times === 1 ? "time" : "times"}, then gave up: ${why}.` : `Retryable, but the step's retry settings allow no further attempt: ${why}.`;
}
