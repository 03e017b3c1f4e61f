/** Dot paths into JSON values: `user.address.city`, `items.0.id`. */

type Json = Record<string, unknown>;

export function splitPath(path: string): string[] {
  return path.split(".").filter((p) => p !== "");
}

export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of splitPath(path)) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) return undefined;
    current = (current as Json)[part];
  }
  return current;
}

/** Sets a path, creating objects on the way; `__proto__`-style keys are refused so data cannot pollute prototypes. */
export function setPath(target: Json, path: string, value: unknown): void {
  const parts = splitPath(path);
  if (parts.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) throw new Error(`"${path}" is not an allowed field path`);
  let current = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      current[part] = value;
      return;
    }
    const next = current[part];
    if (next === null || typeof next !== "object") current[part] = {};
    current = current[part] as Json;
  });
}

export function deletePath(target: Json, path: string): void {
  const parts = splitPath(path);
  const last = parts.pop();
  const parent = parts.length ? getPath(target, parts.join(".")) : target;
  if (last !== undefined && parent !== null && typeof parent === "object" && Object.hasOwn(parent, last)) delete (parent as Json)[last];
}

/** Applies `fn` to one object or to each object of an array (the common "item or list" input). */
export function eachRecord(data: Json | Json[], fn: (item: Json) => Json): Json | Json[] {
  return Array.isArray(data) ? data.map(fn) : fn(data);
}

