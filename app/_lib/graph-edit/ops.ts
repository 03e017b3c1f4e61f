import { handleOfEdge, isObject, jsonEqual, type Doc, type DocEdge, type DocNode, type DocNote, type Point } from "./doc";
import { equivalentDocs, equivalentNodes, fieldHolds } from "./equivalent";
import { refersTo, renameRefsInNode } from "./references";

/**
 * Every edit of the canvas as data: small, JSON-serialisable operations that carry what they need to be undone
 * (the removed node, a field's value before), so the undo history can be stored with the draft and replayed after
 * a reload. `apply` never mutates: it returns a new document that shares every node it did not touch, so React
 * Flow re-renders only what changed. An operation that does not fit the document (the draft changed elsewhere
 * since it was recorded) throws OpConflict instead of half-applying.
 */
export type At<T> = { at: number; value: T };
/** One top-level field of a node or the document; an absent `before`/`after` means the field is absent. */
export type FieldChange = { key: string; before?: unknown; after?: unknown };
export type Move = { id: string; from?: Point; to?: Point };

export type Op =
  | { t: "addNodes"; nodes: At<DocNode>[]; edges: At<DocEdge>[] }
  | { t: "removeNodes"; nodes: At<DocNode>[]; edges: At<DocEdge>[] }
  | { t: "addEdges"; edges: At<DocEdge>[] }
  | { t: "removeEdges"; edges: At<DocEdge>[] }
  | { t: "moveNodes"; moves: Move[] }
  | { t: "setNodeFields"; id: string; fields: FieldChange[] }
  | { t: "renameNodeId"; from: string; to: string }
  | { t: "setNotes"; before?: DocNote[]; after?: DocNote[] }
  | { t: "setDocFields"; fields: FieldChange[] }
  | { t: "replaceDoc"; before: Doc; after: Doc }
  | { t: "batch"; label: string; ops: Op[] };

export class OpConflict extends Error {
  override name = "OpConflict";
}

const NODE_ID = /^[a-z][a-z0-9_]{0,62}$/;

function insertAll<T>(list: readonly T[], items: At<T>[]): T[] {
  const out = [...list];
  for (const { at, value } of [...items].sort((a, b) => a.at - b.at)) out.splice(Math.min(at, out.length), 0, value);
  return out;
}

function removeAll<T extends { id: string }>(list: readonly T[], items: At<T>[], what: string, same: (a: unknown, b: unknown) => boolean = jsonEqual): T[] {
  const byId = new Map(items.map((i) => [i.value.id, i.value]));
  let found = 0;
  const out = list.filter((x) => {
    const expected = byId.get(x.id);
    if (expected === undefined) return true;
    if (!same(x, expected)) throw new OpConflict(`The ${what} "${x.id}" changed since this edit.`);
    found += 1;
    return false;
  });
  if (found !== byId.size) throw new OpConflict(`A ${what} this edit removes is no longer there.`);
  return out;
}

function withFields<T extends Record<string, unknown>>(value: T, fields: FieldChange[], what: string, holds = (v: T, key: string, expected: unknown) => jsonEqual(v[key], expected)): T {
  const next: Record<string, unknown> = { ...value };
  for (const f of fields) {
    if (!holds(value, f.key, f.before)) throw new OpConflict(`${what}'s "${f.key}" changed since this edit.`);
    if ("after" in f && f.after !== undefined) next[f.key] = f.after;
    else delete next[f.key];
  }
  return next as T;
}

const samePoint = (a: Point | undefined, b: unknown) => (a === undefined ? b === undefined : isObject(b) && b.x === a.x && b.y === a.y);

export function apply(doc: Doc, op: Op): Doc {
  switch (op.t) {
    case "addNodes": {
      const ids = new Set(doc.nodes.map((n) => n.id));
      for (const n of op.nodes) if (ids.has(n.value.id)) throw new OpConflict(`A step "${n.value.id}" already exists.`);
      const edgeIds = new Set(doc.edges.map((e) => e.id));
      for (const e of op.edges) if (edgeIds.has(e.value.id)) throw new OpConflict(`An edge "${e.value.id}" already exists.`);
      return { ...doc, nodes: insertAll(doc.nodes, op.nodes), edges: op.edges.length ? insertAll(doc.edges, op.edges) : doc.edges };
    }
    case "removeNodes":
      return { ...doc, nodes: removeAll(doc.nodes, op.nodes, "step", equivalentNodes), edges: op.edges.length ? removeAll(doc.edges, op.edges, "edge") : doc.edges };
    case "addEdges": {
      const edgeIds = new Set(doc.edges.map((e) => e.id));
      for (const e of op.edges) if (edgeIds.has(e.value.id)) throw new OpConflict(`An edge "${e.value.id}" already exists.`);
      return { ...doc, edges: insertAll(doc.edges, op.edges) };
    }
    case "removeEdges":
      return { ...doc, edges: removeAll(doc.edges, op.edges, "edge") };
    case "moveNodes": {
      const moves = new Map(op.moves.map((m) => [m.id, m]));
      let seen = 0;
      const nodes = doc.nodes.map((n) => {
        const m = moves.get(n.id);
        if (!m) return n;
        seen += 1;
        if (!samePoint(m.from, n.position)) throw new OpConflict(`The step "${n.id}" was moved since this edit.`);
        const { position: _old, ...rest } = n;
        return m.to ? { ...rest, position: { x: m.to.x, y: m.to.y } } : (rest as DocNode);
      });
      if (seen !== moves.size) throw new OpConflict("A step this edit moves is no longer there.");
      return { ...doc, nodes };
    }
    case "setNodeFields": {
      const i = doc.nodes.findIndex((n) => n.id === op.id);
      if (i < 0) throw new OpConflict(`The step "${op.id}" is no longer there.`);
      if (op.fields.some((f) => f.key === "id")) throw new OpConflict("A step's id changes by renaming it.");
      const nodes = [...doc.nodes];
      nodes[i] = withFields(doc.nodes[i]!, op.fields, `The step "${op.id}"`, fieldHolds);
      return { ...doc, nodes };
    }
    case "renameNodeId":
      return renamed(doc, op.from, op.to);
    case "setNotes": {
      if (!jsonEqual(doc.notes, op.before)) throw new OpConflict("The notes changed since this edit.");
      const { notes: _old, ...rest } = doc;
      return op.after ? { ...rest, nodes: doc.nodes, edges: doc.edges, notes: op.after } : ({ ...rest, nodes: doc.nodes, edges: doc.edges } as Doc);
    }
    case "setDocFields":
      if (op.fields.some((f) => f.key === "nodes" || f.key === "edges" || f.key === "notes")) throw new OpConflict("Nodes, edges and notes change by their own edits.");
      return withFields(doc, op.fields, "The workflow");
    case "replaceDoc":
      if (!equivalentDocs(doc, op.before)) throw new OpConflict("The draft changed since this edit.");
      return op.after;
    case "batch":
      return op.ops.reduce(apply, doc);
  }
}

function renamed(doc: Doc, from: string, to: string): Doc {
  if (!doc.nodes.some((n) => n.id === from)) throw new OpConflict(`The step "${from}" is no longer there.`);
  if (!NODE_ID.test(to)) throw new OpConflict(`"${to}" is not a step id: use a-z, 0-9 and _, starting with a letter (at most 63).`);
  if (doc.nodes.some((n) => n.id === to)) throw new OpConflict(`A step "${to}" already exists.`);
  // Something already pointing at the new name would be captured by it, and undoing would then move it to the
  // old name: refuse, so renaming back always gives exactly what was there.
  if (doc.edges.some((e) => e.source === to || e.target === to) || doc.nodes.some((n) => refersTo(n, to))) {
    throw new OpConflict(`Something in the workflow already refers to "${to}"; choose another id.`);
  }
  const renames = new Map([[from, to]]);
  const nodes = doc.nodes.map((n) => {
    const r = renameRefsInNode(n, renames);
    return r.id === from ? { ...r, id: to } : r;
  });
  const edges = doc.edges.map((e) => (e.source === from || e.target === from ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target } : e));
  return { ...doc, nodes, edges };
}

export function invert(op: Op): Op {
  switch (op.t) {
    case "addNodes":
      return { t: "removeNodes", nodes: op.nodes, edges: op.edges };
    case "removeNodes":
      return { t: "addNodes", nodes: op.nodes, edges: op.edges };
    case "addEdges":
      return { t: "removeEdges", edges: op.edges };
    case "removeEdges":
      return { t: "addEdges", edges: op.edges };
    case "moveNodes":
      return { t: "moveNodes", moves: op.moves.map((m) => ({ id: m.id, from: m.to, to: m.from })) };
    case "setNodeFields":
      return { t: "setNodeFields", id: op.id, fields: op.fields.map(flip) };
    case "renameNodeId":
      return { t: "renameNodeId", from: op.to, to: op.from };
    case "setNotes":
      return { t: "setNotes", before: op.after, after: op.before };
    case "setDocFields":
      return { t: "setDocFields", fields: op.fields.map(flip) };
    case "replaceDoc":
      return { t: "replaceDoc", before: op.after, after: op.before };
    case "batch":
      return { t: "batch", label: op.label, ops: [...op.ops].reverse().map(invert) };
  }
}

function flip(f: FieldChange): FieldChange {
  const out: FieldChange = { key: f.key };
  if (f.after !== undefined) out.before = f.after;
  if (f.before !== undefined) out.after = f.before;
  return out;
}

// ——— Builders: the operation for an intended edit of the current document. ———

export const batch = (label: string, ops: Op[]): Op => ({ t: "batch", label, ops });

/** Adds nodes (and edges) after the existing ones. */
export function addNodesOp(doc: Doc, nodes: DocNode[], edges: DocEdge[] = []): Op {
  return {
    t: "addNodes",
    nodes: nodes.map((value, i) => ({ at: doc.nodes.length + i, value })),
    edges: edges.map((value, i) => ({ at: doc.edges.length + i, value })),
  };
}

/** Removes steps with every edge into or out of them, in one operation. */
export function removeNodesOp(doc: Doc, ids: Iterable<string>): Op | null {
  const gone = new Set(ids);
  const nodes = doc.nodes.flatMap((value, at) => (gone.has(value.id) ? [{ at, value }] : []));
  if (nodes.length === 0) return null;
  const edges = doc.edges.flatMap((value, at) => (gone.has(value.source) || gone.has(value.target) ? [{ at, value }] : []));
  return { t: "removeNodes", nodes, edges };
}

/** Removes selected steps (with their edges) and selected edges as one edit, so one undo brings all of it back. */
export function removeSelectionOp(doc: Doc, nodeIds: Iterable<string>, edgeIds: Iterable<string>): Op | null {
  const gone = new Set(nodeIds);
  const edgesGone = new Set(edgeIds);
  const nodes = doc.nodes.flatMap((value, at) => (gone.has(value.id) ? [{ at, value }] : []));
  const edges = doc.edges.flatMap((value, at) => (gone.has(value.source) || gone.has(value.target) || edgesGone.has(value.id) ? [{ at, value }] : []));
  if (nodes.length > 0) return { t: "removeNodes", nodes, edges };
  return edges.length ? { t: "removeEdges", edges } : null;
}

export function removeEdgesOp(doc: Doc, ids: Iterable<string>): Op | null {
  const gone = new Set(ids);
  const edges = doc.edges.flatMap((value, at) => (gone.has(value.id) ? [{ at, value }] : []));
  return edges.length ? { t: "removeEdges", edges } : null;
}

/** Connects two steps from a handle; null when that exact connection exists already. Edge ids follow source-handle-target. */
export function connectOp(doc: Doc, source: string, target: string, sourceHandle?: string): Op | null {
  const handle = sourceHandle ?? "out";
  if (doc.edges.some((e) => e.source === source && e.target === target && handleOfEdge(e) === handle)) return null;
  const taken = new Set(doc.edges.map((e) => e.id));
  const id = uniqueId(`${source}-${handle}-${target}`, taken);
  const value: DocEdge = { id, source, target, ...(sourceHandle && sourceHandle !== "out" ? { sourceHandle } : {}) };
  return { t: "addEdges", edges: [{ at: doc.edges.length, value }] };
}

/** Moves steps to new positions (a drag's end, or a tidy-up); null when nothing moves. */
export function moveNodesOp(doc: Doc, to: ReadonlyMap<string, Point>): Op | null {
  const moves: Move[] = [];
  for (const n of doc.nodes) {
    const p = to.get(n.id);
    if (!p || samePoint(p, n.position)) continue;
    const from = isObject(n.position) && typeof n.position.x === "number" && typeof n.position.y === "number" ? { x: n.position.x, y: n.position.y } : undefined;
    moves.push({ id: n.id, from, to: { x: p.x, y: p.y } });
  }
  return moves.length ? { t: "moveNodes", moves } : null;
}

/** The change from a step's current value to `next` (same id), field by field; null when nothing changed. */
export function setNodeOp(doc: Doc, next: DocNode): Op | null {
  const current = doc.nodes.find((n) => n.id === next.id);
  if (!current) return null;
  const fields = fieldChanges(current, next).filter((f) => f.key !== "id");
  return fields.length ? { t: "setNodeFields", id: next.id, fields } : null;
}

export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (skip.has(key) || jsonEqual(before[key], after[key])) continue;
    const f: FieldChange = { key };
    if (before[key] !== undefined) f.before = before[key];
    if (after[key] !== undefined) f.after = after[key];
    out.push(f);
  }
  return out;
}

/** Renames a step, checked first so the person gets a reason rather than an undo entry that cannot apply. */
export function renameNodeIdOp(doc: Doc, from: string, to: string): { ok: true; op: Op } | { ok: false; error: string } {
  const op: Op = { t: "renameNodeId", from, to };
  try {
    apply(doc, op);
    return { ok: true, op };
  } catch (e) {
    if (e instanceof OpConflict) return { ok: false, error: e.message };
    throw e;
  }
}

export function setNotesOp(doc: Doc, notes: DocNote[] | undefined): Op | null {
  if (jsonEqual(doc.notes, notes)) return null;
  const op: Op = { t: "setNotes" };
  if (doc.notes !== undefined) op.before = doc.notes;
  if (notes !== undefined) op.after = notes;
  return op;
}

/** `base`, else `base_2`, `base_3`, … : the first not in `taken`, kept within the id length limit. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const stem = base.replace(/_\d+$/, "");
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = stem.slice(0, 63 - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
