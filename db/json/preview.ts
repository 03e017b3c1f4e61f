import { measureJson } from "./measure";

/** How a value was cut for showing: its whole size (UTF-8 JSON bytes) and nesting depth. */
export type JsonTruncation = { truncated: true; bytes: number; depth: number };

export type PreviewLimits = {
  /** Deepest nesting kept; containers below it become a marker string ("{… 3 keys}", "[… 1 item]"). */
  maxDepth: number;
  /** Roughly how many bytes of JSON to keep; past it, containers end with a "… N more" marker and strings are cut. */
  maxBytes: number;
};

const MAX_STRING_CHARS = 4096;

/**
 * A copy of `value` cut to fit `limits`, built without recursion (the value may be nested thousands deep, which is
 * why it is being cut: superjson and React recurse), plus the whole value's size; or the value itself, untouched,
 * when it already fits (`wholeIfWithin`, by default the same limits). The preview is plain JSON data: markers are strings, so anything can render it.
 */
export function previewJson(value: unknown, limits: PreviewLimits, wholeIfWithin: PreviewLimits = limits): { value: unknown; truncation: JsonTruncation | null } {
  const whole = measureJson(value);
  if (whole.depth <= wholeIfWithin.maxDepth && whole.bytes <= wholeIfWithin.maxBytes) return { value, truncation: null };
  let budget = limits.maxBytes;
  type Frame = { source: unknown[] | Record<string, unknown>; keys: string[] | null; index: number; out: unknown[] | Record<string, unknown>; depth: number };
  const stack: Frame[] = [];
  /** The copy of one value: scalars as they are (long strings cut), containers opened as a frame to fill. */
  const copy = (source: unknown, depth: number): unknown => {
    if (source === null || typeof source !== "object") {
      if (typeof source === "string" && source.length > Math.min(MAX_STRING_CHARS, Math.max(budget, 64))) {
        const kept = Math.min(MAX_STRING_CHARS, Math.max(budget, 64));
        budget -= kept;
        return `${source.slice(0, kept)}… (${source.length - kept} more characters)`;
      }
      budget -= typeof source === "string" ? source.length + 2 : 8;
      return source;
    }
    const array = Array.isArray(source);
    const size = array ? source.length : Object.keys(source).length;
    if (depth >= limits.maxDepth) {
      budget -= 16;
      return array ? `[… ${size} ${size === 1 ? "item" : "items"}]` : `{… ${size} ${size === 1 ? "key" : "keys"}}`;
    }
    budget -= 2;
    const out: unknown[] | Record<string, unknown> = array ? [] : {};
    stack.push({ source: source as unknown[] | Record<string, unknown>, keys: array ? null : Object.keys(source), index: 0, out, depth: depth + 1 });
    return out;
  };
  const root = copy(value, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.source as unknown[]).length;
    if (frame.index >= length) {
      stack.pop();
      continue;
    }
    if (budget <= 0) {
      const more = `… ${length - frame.index} more`;
      if (Array.isArray(frame.out)) frame.out.push(more);
      else frame.out["…"] = more;
      frame.index = length;
      continue;
    }
    const i = frame.index++;
    if (frame.keys) {
      const key = frame.keys[i]!;
      budget -= key.length + 3;
      (frame.out as Record<string, unknown>)[key] = copy((frame.source as Record<string, unknown>)[key], frame.depth);
    } else (frame.out as unknown[]).push(copy((frame.source as unknown[])[i], frame.depth));
  }
  return { value: root, truncation: { truncated: true, ...whole } };
}
