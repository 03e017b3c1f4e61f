import { canonical } from "./canonical";
import { handleOf } from "./handles";

/**
 * What changed from one graph to another, for the publish dialog ("since the last published version") and for
 * comparing two versions. Pure, and loose about its input: a draft may hold nodes that do not parse yet.
 * Nodes match by id. A node that only moved on the canvas has not changed. Edges match by what they connect
 * (source, exit, target), not by id: an edge deleted and drawn again between the same exits is no change.
 */
export type DiffNode = { id: string; position?: unknown; [field: string]: unknown };
export type DiffEdge = { id: string; source: string; target: string; sourceHandle?: string };
export type DiffGraph = { nodes: readonly DiffNode[]; edges: readonly DiffEdge[] };

export type GraphDiff = {
  nodes: { added: string[]; removed: string[]; changed: string[] };
  edges: { added: DiffEdge[]; removed: DiffEdge[] };
};

const withoutPosition = ({ position: _position, ...rest }: DiffNode) => canonical(rest);
const edgeKey = (e: DiffEdge) => `${e.source}\u0000${handleOf(e)}\u0000${e.target}`;

export function diffGraphs(before: DiffGraph, after: DiffGraph): GraphDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const added = after.nodes.filter((n) => !old.has(n.id)).map((n) => n.id);
  const removed = before.nodes.filter((n) => !now.has(n.id)).map((n) => n.id);
  const changed = after.nodes.filter((n) => old.has(n.id) && withoutPosition(old.get(n.id)!) !== withoutPosition(n)).map((n) => n.id);
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  return {
    nodes: { added, removed, changed },
    edges: { added: after.edges.filter((e) => !oldEdges.has(edgeKey(e))), removed: before.edges.filter((e) => !newEdges.has(edgeKey(e))) },
  };
}

/** True when nothing but positions changed. */
export function isEmptyDiff(d: GraphDiff): boolean {
  return d.nodes.added.length + d.nodes.removed.length + d.nodes.changed.length + d.edges.added.length + d.edges.removed.length === 0;
}
