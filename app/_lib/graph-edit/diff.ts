import { jsonEqual, type Doc } from "./doc";
import { apply, fieldChanges, setNodeOp, type At, type Op } from "./ops";

const OWN_OPS = new Set(["nodes", "edges", "notes"]);

/**
 * The operation that turns `before` into `after`: how an edit made as text (the JSON panel) joins the same undo
 * history as canvas edits. Per step and per edge where it can, so undoing a typed change to one step does not
 * touch the others; when the lists were reordered (which per-item edits cannot express) the whole document is
 * replaced, so applying the result always gives exactly `after`. Null when nothing changed.
 */
export function diffDocs(before: Doc, after: Doc): Op | null {
  if (jsonEqual(before, after)) return null;
  const ops: Op[] = [];
  const afterIds = new Set(after.nodes.map((n) => n.id));
  const beforeIds = new Set(before.nodes.map((n) => n.id));
  const afterEdges = new Map(after.edges.map((e) => [e.id, e]));
  const beforeEdges = new Map(before.edges.map((e) => [e.id, e]));
  const goneEdges = before.edges.flatMap((value, at) => (jsonEqual(afterEdges.get(value.id), value) ? [] : [{ at, value }]));
  if (goneEdges.length) ops.push({ t: "removeEdges", edges: goneEdges });
  const goneNodes = before.nodes.flatMap((value, at) => (afterIds.has(value.id) ? [] : [{ at, value }]));
  if (goneNodes.length) ops.push({ t: "removeNodes", nodes: goneNodes, edges: [] });
  const afterById = new Map(after.nodes.map((n) => [n.id, n]));
  for (const n of before.nodes) {
    const next = afterById.get(n.id);
    const op = next && setNodeOp(before, next);
    if (op) ops.push(op);
  }
  const newNodes: At<(typeof after.nodes)[number]>[] = after.nodes.flatMap((value, at) => (beforeIds.has(value.id) ? [] : [{ at, value }]));
  if (newNodes.length) ops.push({ t: "addNodes", nodes: newNodes, edges: [] });
  const newEdges = after.edges.flatMap((value, at) => (jsonEqual(beforeEdges.get(value.id), value) ? [] : [{ at, value }]));
  if (newEdges.length) ops.push({ t: "addEdges", edges: newEdges });
  if (!jsonEqual(before.notes, after.notes)) {
    const notes: Op = { t: "setNotes" };
    if (before.notes !== undefined) notes.before = before.notes;
    if (after.notes !== undefined) notes.after = after.notes;
    ops.push(notes);
  }
  const fields = fieldChanges(before, after, OWN_OPS);
  if (fields.length) ops.push({ t: "setDocFields", fields });
  const op: Op = ops.length === 1 ? ops[0]! : { t: "batch", label: "Edit JSON", ops };
  try {
    if (jsonEqual(apply(before, op), after)) return op;
  } catch {
    // Falls through to replacing the document.
  }
  return { t: "replaceDoc", before, after };
}
