import { graphNode } from "@/workflows/graph/schema";
import { jsonEqual, type Doc, type DocNode } from "./doc";

/**
 * Whether two values of one step mean the same: equal, or equal once the schema's defaults are filled in. The
 * server stores a draft with its defaults filled in (`settings: { onError: "fail" }`, `input: {}`), so a step
 * the editor re-added by undo comes back from a save slightly different; the undo history must still fit it.
 * A step that does not validate has no defaults to fill: it must be equal as it is.
 */
export function equivalentNodes(a: unknown, b: unknown): boolean {
  if (jsonEqual(a, b)) return true;
  const pa = graphNode.safeParse(a);
  const pb = graphNode.safeParse(b);
  return pa.success && pb.success && jsonEqual(pa.data, pb.data);
}

/** Whether a step's field holds `expected`, up to defaults (see equivalentNodes). */
export function fieldHolds(node: DocNode, key: string, expected: unknown): boolean {
  if (jsonEqual(node[key], expected)) return true;
  const other: Record<string, unknown> = { ...node };
  if (expected === undefined) delete other[key];
  else other[key] = expected;
  return equivalentNodes(node, other);
}

/** Two documents that mean the same: the same steps up to defaults, everything else equal. */
export function equivalentDocs(a: Doc, b: Doc): boolean {
  if (jsonEqual(a, b)) return true;
  return a.nodes.length === b.nodes.length && a.nodes.every((n, i) => equivalentNodes(n, b.nodes[i])) && jsonEqual({ ...a, nodes: [] }, { ...b, nodes: [] });
}
