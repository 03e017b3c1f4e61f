import { bytesViolation, depthViolation, type JsonLimits, type JsonLimitViolation } from "./limits";
import { jsonTextDepth, utf8Length } from "./measure";

export type BoundedParse = { ok: true; value: unknown } | { ok: false; violation?: JsonLimitViolation; message: string };

/**
 * Parses JSON text from outside within the limits: size first, then depth from one scan of the text, then
 * JSON.parse (V8's is iterative, and makes `__proto__` an own key, never a prototype). Never throws.
 */
export function parseJsonBounded(text: string, limits: JsonLimits, what: string): BoundedParse {
  const bytes = utf8Length(text);
  if (bytes > limits.maxBytes) {
    const violation = bytesViolation(what, limits.maxBytes, bytes);
    return { ok: false, violation, message: violation.message };
  }
  if (jsonTextDepth(text, limits.maxDepth) > limits.maxDepth) {
    const violation = depthViolation(what, limits.maxDepth);
    return { ok: false, violation, message: violation.message };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${what} is not valid JSON: ${(error as Error).message}` };
  }
}
