/**
 * Strings that are valid JSON but that Postgres cannot store: U+0000 (text and jsonb have no NUL) and lone UTF-16
 * surrogates (jsonb refuses `\ud800` without its pair). A webhook body, a step output or a form field may hold
 * them, and refusing them would lose a delivery the sender can never make valid, so jsonb columns hold them in a
 * reversible escape instead (docs/webhooks.md, "Strings Postgres cannot store"):
 *
 *   a string (or object key) that holds such a character, or that starts with the marker, is stored as the marker
 *   followed by the string with `\` written `\\`, U+0000 written `\0` and each lone surrogate written `\uXXXX`.
 *
 * Every other string is stored as it is, so queries over ordinary values (`trigger->>'kind'`) are unaffected.
 * The marker starts with U+FDD0, a Unicode noncharacter reserved for internal use, so real text starting with it
 * is rare, and even that round-trips (it is escaped too). Decoding is the exact inverse: decode(encode(v)) is v.
 *
 * Both walks use an explicit stack, never recursion: a hostile value can be deep. Pure functions, no Node APIs.
 */
export const STORABLE_MARKER = "\uFDD0esc:";

// U+0000, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of a string Postgres cannot store, as "U+XXXX", or null when it can store all of it. */
export function unstorableCharacter(text: string): string | null {
  const m = UNSTORABLE.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}

const needsEncoding = (s: string) => s.startsWith(STORABLE_MARKER) || UNSTORABLE.test(s);
const isEncoded = (s: string) => s.startsWith(STORABLE_MARKER);

export function encodeStorableString(text: string): string {
  if (!needsEncoding(text)) return text;
  let out = STORABLE_MARKER;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) out += "\\\\";
    else if (c === 0) out += "\\0";
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += text[i]!;
  }
  return out;
}

export function decodeStorableString(text: string): string {
  if (!isEncoded(text)) return text;
  let out = "";
  for (let i = STORABLE_MARKER.length; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === "0") {
      out += "\u0000";
      i++;
    } else if (next === "u" && /^[0-9a-f]{4}$/i.test(text.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next === "\\") {
      out += "\\";
      i++;
    } else out += ch; // not written by the encoder: kept as it is
  }
  return out;
}

/** The value with every string and key Postgres cannot store escaped; the value itself when none needs it. */
export function encodeStorable<T>(value: T): T {
  return mapStrings(value, needsEncoding, encodeStorableString) as T;
}

/** The inverse of encodeStorable, for values read back from a jsonb column. */
export function decodeStorable<T>(value: T): T {
  return mapStrings(value, isEncoded, decodeStorableString) as T;
}

/** Like JSON.stringify, an object with toJSON (a Date) is what toJSON returns. */
function jsonView(value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

/** Whether any string or key of the value passes `test`: one pass, no allocation, so the common case is cheap. */
function anyString(value: unknown, test: (s: string) => boolean): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = jsonView(stack.pop());
    if (typeof current === "string") {
      if (test(current)) return true;
    } else if (current !== null && typeof current === "object") {
      if (Array.isArray(current)) {
        for (const item of current) stack.push(item);
      } else {
        for (const key of Object.keys(current)) {
          if (test(key)) return true;
          stack.push((current as Record<string, unknown>)[key]);
        }
      }
    }
  }
  return false;
}

/** A copy of the value (JSON's view of it) with `fix` applied to every string and key that passes `test`. */
function mapStrings(value: unknown, test: (s: string) => boolean, fix: (s: string) => string): unknown {
  if (!anyString(value, test)) return value;
  const scalar = (v: unknown) => (typeof v === "string" && test(v) ? fix(v) : v);
  const holder: Record<string, unknown> = {};
  // Each task copies `source` into `target[key]`.
  const stack: { source: unknown; target: Record<string, unknown> | unknown[]; key: string | number }[] = [{ source: value, target: holder, key: "v" }];
  while (stack.length > 0) {
    const { source, target, key } = stack.pop()!;
    const current = jsonView(source);
    let copy: unknown;
    if (current !== null && typeof current === "object") {
      if (Array.isArray(current)) {
        const arr: unknown[] = new Array(current.length);
        for (let i = 0; i < current.length; i++) stack.push({ source: current[i], target: arr, key: i });
        copy = arr;
      } else {
        const obj: Record<string, unknown> = {};
        for (const k of Object.keys(current)) {
          const name = test(k) ? fix(k) : k;
          // Defined now, in the original order, so the copy's key order is the original's.
          Object.defineProperty(obj, name, { value: undefined, writable: true, enumerable: true, configurable: true });
          stack.push({ source: (current as Record<string, unknown>)[k], target: obj, key: name });
        }
        copy = obj;
      }
    } else copy = scalar(current);
    (target as Record<string | number, unknown>)[key] = copy;
  }
  return holder.v;
}
