/**
 * JSON.stringify without recursion, for values that may be nested deeper than V8's JSON.stringify can go
 * (it throws RangeError past a few thousand levels): a stored step output written before the depth limit
 * existed, say. Compact output, the same text JSON.stringify writes for plain JSON data (objects, arrays,
 * strings, finite numbers, booleans, null); like it, undefined and functions in objects are skipped and become
 * null in arrays, and non-finite numbers become null. No toJSON, no replacer: only data read back from JSON.
 */
export function stringifyJson(value: unknown): string {
  const parts: string[] = [];
  // Either a value to write, or literal text (closing brackets, commas) queued in order.
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ("text" in item) {
      parts.push(item.text);
      continue;
    }
    const v = item.value;
    if (v === null || v === undefined || typeof v === "function" || typeof v === "symbol") parts.push("null");
    else if (typeof v === "string") parts.push(JSON.stringify(v));
    else if (typeof v === "number") parts.push(Number.isFinite(v) ? String(v) : "null");
    else if (typeof v === "boolean") parts.push(v ? "true" : "false");
    else if (typeof v === "bigint") parts.push(String(v));
    else if (Array.isArray(v)) {
      parts.push("[");
      stack.push({ text: "]" });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push({ text: "," });
      }
    } else {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, child]) => child !== undefined && typeof child !== "function" && typeof child !== "symbol");
      parts.push("{");
      stack.push({ text: "}" });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push({ value: child });
        stack.push({ text: `${i > 0 ? "," : ""}${JSON.stringify(key)}:` });
      }
    }
  }
  return parts.join("");
}
