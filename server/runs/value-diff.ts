import { canonical } from "../../workflows/graph/canonical";

/**
 * Field-level differences between two JSON values (two runs' trigger data, a step's input or output in two runs),
 * for showing: each added, removed or changed leaf with its path ("body.items[2].name") and both values as short
 * previews. Values come from outside, so the walk is iterative (no recursion to overflow), stops descending past
 * MAX_DEPTH (a deeper subtree is compared whole) and stops listing after MAX_CHANGES (then `truncated`).
 */
export type ValueChange = { path: string; kind: "added" | "removed" | "changed"; before?: string; after?: string };
export type ValueDiff = { changes: ValueChange[]; truncated: boolean };

const MAX_DEPTH = 32;
const MAX_CHANGES = 200;
const PREVIEW_CHARS = 200;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value as a short JSON preview (whole when short). canonical() is bounded by the depth limits values are stored under. */
function preview(v: unknown): string {
  const text = v === undefined ? "undefined" : canonical(v);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

const child = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : IDENT.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

export function diffValues(before: unknown, after: unknown): ValueDiff {
  const changes: ValueChange[] = [];
  let truncated = false;
  // `only`: the key is on one side alone (added after, or removed).
  const stack: { path: string; a: unknown; b: unknown; depth: number; only?: "before" | "after" }[] = [{ path: "", a: before, b: after, depth: 0 }];
  const push = (c: ValueChange) => {
    if (changes.length >= MAX_CHANGES) truncated = true;
    else changes.push(c);
  };
  while (stack.length > 0 && !truncated) {
    const { path, a, b, depth, only } = stack.pop()!;
    const bothObjects = isObject(a) && isObject(b);
    const bothArrays = Array.isArray(a) && Array.isArray(b);
    if (!only && (bothObjects || bothArrays) && depth < MAX_DEPTH) {
      const keys: (string | number)[] = bothArrays ? Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i) : [...new Set([...Object.keys(a as Obj), ...Object.keys(b as Obj)])];
      // Reversed onto the stack, so changes come out in key order.
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const av = (a as Record<string | number, unknown>)[k];
        const bv = (b as Record<string | number, unknown>)[k];
        const inA = bothArrays ? (k as number) < (a as unknown[]).length : Object.hasOwn(a as Obj, k as string);
        const inB = bothArrays ? (k as number) < (b as unknown[]).length : Object.hasOwn(b as Obj, k as string);
        const p = child(path, k);
        stack.push({ path: p, a: av, b: bv, depth: depth + 1, ...(!inA ? { only: "after" as const } : !inB ? { only: "before" as const } : {}) });
      }
      continue;
    }
    if (only === "after") push({ path, kind: "added", after: preview(b) });
    else if (only === "before") push({ path, kind: "removed", before: preview(a) });
    else if (canonical(a) !== canonical(b)) push({ path: path || "(the whole value)", kind: "changed", before: preview(a), after: preview(b) });
  }
  return { changes, truncated };
}
