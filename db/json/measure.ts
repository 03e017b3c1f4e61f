import { bytesViolation, depthViolation, type JsonLimits, type JsonLimitViolation } from "./limits";

/**
 * Checks a value against the JSON limits without recursion (an explicit stack), so a hostile value cannot
 * overflow the checker itself. It stops at the first limit passed: the cost is bounded by the limits, not by
 * the value. The byte count is that of JSON.stringify's output (UTF-8), counted without building it.
 * Values JSON drops or nulls (undefined, functions, NaN) are counted as JSON would write them, closely enough
 * for a limit.
 */
export function checkJsonValue(value: unknown, limits: JsonLimits, what: string): JsonLimitViolation | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let bytes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current !== null && typeof current === "object") {
      const next = depth + 1;
      if (next > limits.maxDepth) return depthViolation(what, limits.maxDepth);
      if (Array.isArray(current)) {
        bytes += 2 + Math.max(0, current.length - 1);
        for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth: next });
      } else {
        const keys = Object.keys(current);
        bytes += 2 + Math.max(0, keys.length - 1);
        for (const key of keys) {
          bytes += stringBytes(key) + 1;
          stack.push({ value: (current as Record<string, unknown>)[key], depth: next });
        }
      }
    } else {
      bytes += scalarBytes(current);
    }
    if (bytes > limits.maxBytes) return bytesViolation(what, limits.maxBytes, bytes);
  }
  return null;
}

/** Deepest nesting of a value (scalar 0), counted without recursion; stops counting once past `stopAfter`. */
export function jsonDepth(value: unknown, stopAfter = Number.MAX_SAFE_INTEGER): number {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let deepest = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    const next = depth + 1;
    if (next > deepest) deepest = next;
    if (deepest > stopAfter) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: next });
    }
  }
  return deepest;
}

/**
 * Deepest nesting of JSON text, from one pass over its characters (brackets outside strings), without parsing
 * it. Stops once past `stopAfter`. Malformed text gets a number too; JSON.parse reports the syntax error.
 */
export function jsonTextDepth(text: string, stopAfter = Number.MAX_SAFE_INTEGER): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAfter) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** UTF-8 length of a string, without encoding it (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function scalarBytes(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "bigint":
      return String(value).length;
    default:
      return 4; // null, and what JSON writes as null
  }
}

/** UTF-8 bytes of a JSON string literal: quotes, escapes for quotes, backslashes and control characters. */
function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x20) bytes += c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c ? 2 : 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) bytes += 6; // a lone surrogate: JSON.stringify writes \udxxx
    else bytes += 3;
  }
  return bytes;
}

/**
 * Depth and UTF-8 JSON size of a whole value, without recursion and without stopping: for saying how large a
 * value is (a truncated preview's caption), not for refusing one (checkJsonValue stops at the limit).
 */
export function measureJson(value: unknown): { bytes: number; depth: number } {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let bytes = 0;
  let deepest = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== "object") {
      bytes += scalarBytes(current);
      continue;
    }
    const next = depth + 1;
    if (next > deepest) deepest = next;
    if (Array.isArray(current)) {
      bytes += 2 + Math.max(0, current.length - 1);
      for (const child of current) stack.push({ value: child, depth: next });
    } else {
      const keys = Object.keys(current);
      bytes += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        bytes += stringBytes(key) + 1;
        stack.push({ value: (current as Record<string, unknown>)[key], depth: next });
      }
    }
  }
  return { bytes, depth: deepest };
}
