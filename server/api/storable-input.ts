import { unstorableCharacter } from "../../db/json";
import { DomainError } from "../errors";

/**
 * Finds the first string or object key in a procedure's input that Postgres cannot store (U+0000, a lone
 * surrogate), so the caller gets 400 naming the field instead of a 500 from the database. Iterative: the input
 * is from outside and may be deep (its size and depth are capped before parsing, in the route).
 */
export function unstorableInput(input: unknown): DomainError | null {
  // Each entry knows its parent and key; a path is spelled out only for the one refused.
  type Entry = { value: unknown; parent: Entry | null; key: string };
  const stack: Entry[] = [{ value: input, parent: null, key: "" }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === "string") {
      const character = unstorableCharacter(value);
      if (character) return refusal(pathOf(entry), character);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: entry, key: String(i) });
    } else if (value !== null && typeof value === "object" && isPlain(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const character = unstorableCharacter(key);
        if (character) return refusal([...pathOf(entry), printable(key)], character);
        stack.push({ value: (value as Record<string, unknown>)[key], parent: entry, key });
      }
    }
  }
  return null;
}

function pathOf(entry: { parent: { parent: unknown; key: string } | null; key: string }): string[] {
  const path: string[] = [];
  for (let e: typeof entry | null = entry; e?.parent; e = e.parent as typeof entry | null) path.push(e.key);
  return path.reverse();
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function refusal(path: string[], character: string): DomainError {
  const field = path.length > 0 ? path.join(".") : "input";
  const message = `Contains a character that cannot be stored (${character}).`;
  return new DomainError("BAD_REQUEST", `${field}: ${message}`, { [field]: [message] });
}

/** A key as it can be shown: the characters that could not be stored written as \uXXXX. */
function printable(key: string): string {
  let out = "";
  for (const ch of key) out += unstorableCharacter(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}` : ch;
  return out;
}
