import type { Graph } from "../../workflows/graph";
import { canonical } from "../../workflows/graph/canonical";

type Node = Graph["nodes"][number];

// Where a node sits on the canvas, and what it is called there, change nothing it computes.
function meaning(node: Node): string {
  const { position: _position, label: _label, ...rest } = node as Node & { position?: unknown; label?: unknown };
  return canonical(rest);
}

/**
 * The nodes of `after` whose outputs from a run of `before` still hold: the node is the same in both (apart from
 * where it is drawn) and so is every node upstream of it. A retry on a newer version reuses only these; a node
 * that changed, or that reads from one that did, runs again.
 */
export function reusableNodes(before: Graph, after: Graph): Set<string> {
  const old = new Map(before.nodes.map((n) => [n.id, meaning(n)]));
  const sources = new Map<string, string[]>();
  for (const e of after.edges) sources.set(e.target, [...(sources.get(e.target) ?? []), e.source]);
  const memo = new Map<string, boolean>();
  const reusable = (id: string, path: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return true; // a cycle (loop bodies go back to the loop): decided by the rest of the path
    const node = after.nodes.find((n) => n.id === id);
    path.add(id);
    const ok = Boolean(node) && old.get(id) === meaning(node!) && (sources.get(id) ?? []).every((s) => reusable(s, path));
    path.delete(id);
    memo.set(id, ok);
    return ok;
  };
  return new Set(after.nodes.map((n) => n.id).filter((id) => reusable(id, new Set())));
}
