/**
 * The model behind the JSON tree (app/_components/json-tree.tsx): paths, and which nodes a search matches. Pure
 * and without recursion, so it works on any value the server sends (already cut to the preview limits of
 * server/runs/view-values.ts) and is tested on its own.
 */
export type Path = string;

export const ROOT: Path = "$";
/** A child's path: one segment per level, keys escaped so "a.b" as one key differs from a → b. */
export const childPath = (parent: Path, key: string | number): Path => `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;

export const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === "object";

export function entriesOf(v: Record<string, unknown> | unknown[]): [string, unknown][] {
  return Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
}

export function scalarText(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : v === undefined ? "undefined" : String(JSON.stringify(v));
}

// A search stops after this many nodes: a preview is at most 64 KB, well under it, so this only guards the tab.
const MAX_VISITED = 50_000;

export type SearchResult = {
  /** Nodes whose key or (scalar) value contains the query. */
  matches: Set<Path>;
  /** Containers to open so every match is in view. */
  open: Set<Path>;
};

/** Case-insensitive search of keys and scalar values; an empty query matches nothing. */
export function searchJson(value: unknown, query: string): SearchResult {
  const matches = new Set<Path>();
  const open = new Set<Path>();
  const q = query.trim().toLowerCase();
  if (!q) return { matches, open };
  const stack: { v: unknown; path: Path; key: string | null; parents: Path[] }[] = [{ v: value, path: ROOT, key: null, parents: [] }];
  for (let visited = 0; stack.length > 0 && visited < MAX_VISITED; visited++) {
    const { v, path, key, parents } = stack.pop()!;
    const hit = (key !== null && key.toLowerCase().includes(q)) || (!isContainer(v) && scalarText(v).toLowerCase().includes(q));
    if (hit) {
      matches.add(path);
      for (const p of parents) open.add(p);
    }
    if (isContainer(v)) {
      const inner = [...parents, path];
      const entries = entriesOf(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i]![1], path: childPath(path, entries[i]![0]), key: Array.isArray(v) ? null : entries[i]![0], parents: inner });
    }
  }
  return { matches, open };
}
