/**
 * Reads what a person typed as a JSON object (a run's trigger input). Returns the object, or a message that
 * says what is wrong in words, to show next to the field.
 */
export function parseJsonObject(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, error: `The input must be a JSON object like {"name": "Ada"}, not ${Array.isArray(value) ? "a list" : value === null ? "null" : `a ${typeof value}`}.` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** JSON for reading: two-space indented; undefined (no value at all) shows as nothing. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(value, null, 2) ?? String(value);
}
