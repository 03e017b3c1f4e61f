import { renameStepsInExpression, renameStepsInTemplate, renameStepsInValue, type Renames } from "@/workflows/mapping/rename";
import type { DocNode } from "./doc";

/**
 * Where a node can read other steps' outputs, per workflows/graph/validate.ts: an action's input (templates at
 * any depth), a loop's items and a delay's until (templates), and a branch's expression (a bare expression).
 */
const TEMPLATE_FIELDS = ["input", "items", "until"] as const;

/** The node with its references to renamed steps rewritten; the same object when it refers to none of them. */
export function renameRefsInNode(node: DocNode, renames: Renames): DocNode {
  if (renames.size === 0) return node;
  let next: DocNode | null = null;
  for (const field of TEMPLATE_FIELDS) {
    const v = node[field];
    if (v === undefined) continue;
    const r = typeof v === "string" ? renameStepsInTemplate(v, renames) : renameStepsInValue(v, renames);
    if (r !== v) (next ??= { ...node })[field] = r;
  }
  if (typeof node.expression === "string") {
    const r = renameStepsInExpression(node.expression, renames);
    if (r !== node.expression) (next ??= { ...node }).expression = r;
  }
  return next ?? node;
}

/** Whether a node refers to the step `id` anywhere it can (probed by renaming it). */
export function refersTo(node: DocNode, id: string): boolean {
  return renameRefsInNode(node, new Map([[id, `${id}_probe`]])) !== node;
}
