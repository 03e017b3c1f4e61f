import type { Doc } from "./doc";
import { batch, renameNodeIdOp, setNodeOp, type Op } from "./ops";

/**
 * Renaming a step from its menu: its name (the label people read) and its id (what references and edges use),
 * as one undoable edit. A new id rewrites every `{{ steps.<id> }}` reference and edge to it (renameNodeId), so
 * the workflow keeps working; an id that cannot be used says why before anything changes.
 */
export function renameStepOp(doc: Doc, id: string, next: { label: string; id: string }): { ok: true; op: Op | null; id: string } | { ok: false; error: string } {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return { ok: false, error: `The step "${id}" is no longer there.` };
  const label = next.label.trim();
  if (label.length > 200) return { ok: false, error: `A step's name holds at most 200 characters (this one has ${label.length}).` };
  const { label: _old, ...rest } = node;
  const ops: Op[] = [];
  const relabel = setNodeOp(doc, label ? { ...rest, label } : rest);
  if (relabel) ops.push(relabel);
  const newId = next.id.trim();
  if (newId !== id) {
    const r = renameNodeIdOp(doc, id, newId);
    if (!r.ok) return { ok: false, error: r.error };
    ops.push(r.op);
  }
  if (ops.length === 0) return { ok: true, op: null, id };
  return { ok: true, op: ops.length === 1 ? ops[0]! : batch(`Rename ${id}`, ops), id: newId };
}
