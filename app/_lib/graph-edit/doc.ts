/**
 * The editor's document: the draft graph as plain JSON, read loosely enough to edit a draft that does not yet
 * validate (a step without its required fields is still a step you can move, copy or delete). What structural
 * editing needs is only that nodes and edges have unique string ids; everything else in a node is kept as is.
 */
export type DocNode = { id: string; [field: string]: unknown };
export type DocEdge = { id: string; source: string; target: string; sourceHandle?: string; [field: string]: unknown };
export type DocNote = { id: string; text: string; position: { x: number; y: number }; width?: number; height?: number };
export type Doc = { nodes: DocNode[]; edges: DocEdge[]; notes?: DocNote[]; [field: string]: unknown };
export type Point = { x: number; y: number };

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The draft as a document, or why the canvas cannot edit it (the JSON panel still can). */
export function toDoc(value: unknown): { ok: true; doc: Doc } | { ok: false; error: string } {
  if (!isObject(value)) return { ok: false, error: "The draft is not a JSON object." };
  if (!Array.isArray(value.nodes) || !Array.isArray(value.edges)) return { ok: false, error: 'The draft needs "nodes" and "edges" lists.' };
  const ids = new Set<string>();
  for (const n of value.nodes) {
    if (!isObject(n) || typeof n.id !== "string" || n.id === "") return { ok: false, error: "Every node needs an id." };
    if (ids.has(n.id)) return { ok: false, error: `Two nodes have the id "${n.id}".` };
    ids.add(n.id);
  }
  const edgeIds = new Set<string>();
  for (const e of value.edges) {
    if (!isObject(e) || typeof e.id !== "string" || e.id === "" || typeof e.source !== "string" || typeof e.target !== "string") {
      return { ok: false, error: "Every edge needs an id, a source and a target." };
    }
    if (edgeIds.has(e.id)) return { ok: false, error: `Two edges have the id "${e.id}".` };
    edgeIds.add(e.id);
  }
  return { ok: true, doc: value as Doc };
}

/** Structural equality of JSON values (key order ignored; an absent key equals an undefined one). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

export const handleOfEdge = (e: DocEdge) => e.sourceHandle ?? "out";
