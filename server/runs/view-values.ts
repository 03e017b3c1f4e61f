import { previewJson, type JsonTruncation } from "../../db/json";

/**
 * What the run view (run.get) can carry of a stored JSON value. Past these, superjson (the tRPC transformer) and
 * React's rendering recurse into a stack overflow (a run with an output 1,500+ levels deep answered 500), and a
 * browser tab chokes on megabytes of text; so such a value is sent as a preview cut to PREVIEW, with its whole
 * size, and the view links to the download route for the whole value. Values within the shared JSON limits'
 * defaults but deeper than SHOW are rare enough that cutting them for the view is no loss.
 */
const SHOW = { maxDepth: 32, maxBytes: 1024 * 1024 };
const PREVIEW = { maxDepth: 20, maxBytes: 64 * 1024 };

export type { JsonTruncation };

/** The step row's JSON fields the view shows (and the download route serves). */
export const STEP_VALUE_FIELDS = ["input", "output", "error", "logs"] as const;
export type StepValueField = (typeof STEP_VALUE_FIELDS)[number];

/** `value` as the view may carry it: whole, or a preview and how the whole measures. */
export function forView(value: unknown): { value: unknown; truncation: JsonTruncation | null } {
  return previewJson(value, PREVIEW, SHOW);
}

/** A step row with each of its JSON fields fit for the view; `truncated` names the ones cut, with their size. */
export function stepForView<T extends Record<StepValueField, unknown>>(step: T): T & { truncated: Partial<Record<StepValueField, JsonTruncation>> } {
  const out = { ...step, truncated: {} as Partial<Record<StepValueField, JsonTruncation>> };
  for (const field of STEP_VALUE_FIELDS) {
    const { value, truncation } = forView(step[field]);
    out[field] = value as T[StepValueField];
    if (truncation) out.truncated[field] = truncation;
  }
  return out;
}
