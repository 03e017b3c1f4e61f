import { checkJsonValue, jsonLimits } from "../../db/json";
import { ActionError } from "./executor";

/**
 * Every step's output, built-in or sandboxed, against JUNCTION_JSON_MAX_DEPTH before it is recorded or handed
 * to Temporal: both serialize it recursively, so an output nested thousands deep (a JSON API's answer to
 * core.http_request, say) would throw far from its cause, on every retry. The same output fails the same way
 * again, so the step fails at once, non-retryable. Size is the blob store's concern (blobs.ts), not this one.
 */
export function outputTooDeep(output: unknown): ActionError | null {
  const violation = checkJsonValue(output, { maxDepth: jsonLimits().maxDepth, maxBytes: Number.MAX_SAFE_INTEGER }, "The step's output");
  return violation && ActionError.classified(violation.message, "LimitExceeded", { retryable: false, category: "limit", reason: "the step's output is nested too deep" });
}
