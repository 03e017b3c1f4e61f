import { handleOf } from "./handles";
import type { Graph, GraphEdge, GraphNode } from "./schema";

/**
 * The shape the interpreter walks: which nodes belong to which region (the top level, or the body of one
 * loop), and the edges in and out of each node. Loops are structural: a loop's body is everything reachable
 * from its "each" handle; an edge from the body back to the loop node is allowed and means nothing more.
 */
export type Structure = {
  nodes: Map<string, GraphNode>;
  outgoing: Map<string, GraphEdge[]>;
  /** Innermost loop whose body holds the node; undefined at the top level. */
  owner: Map<string, string | undefined>;
};

export const TOP = "";

export function analyse(graph: Pick<Graph, "nodes" | "edges">): Structure {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) outgoing.get(e.source)?.push(e);
  const reach = new Map<string, Set<string>>();
  for (const n of graph.nodes) if (n.kind === "loop") reach.set(n.id, bodyOf(n.id, outgoing));
  const owner = new Map<string, string | undefined>();
  for (const n of graph.nodes) {
    let best: string | undefined;
    for (const [loop, body] of reach) if (body.has(n.id) && (best === undefined || reach.get(best)!.size > body.size)) best = loop;
    owner.set(n.id, best);
  }
  return { nodes, outgoing, owner };
}

function bodyOf(loopId: string, outgoing: Map<string, GraphEdge[]>): Set<string> {
  const seen = new Set<string>();
  const queue = (outgoing.get(loopId) ?? []).filter((e) => handleOf(e) === "each").map((e) => e.target);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === loopId || seen.has(id) || !outgoing.has(id)) continue;
    seen.add(id);
    for (const e of outgoing.get(id)!) queue.push(e.target);
  }
  return seen;
}

/** The nodes of one region: the top level (TOP) or one loop's body (the loop's id). */
export function regionNodes(s: Structure, region: string): Set<string> {
  const ids = new Set<string>();
  for (const [id, o] of s.owner) if ((o ?? TOP) === region) ids.add(id);
  return ids;
}

/** Edges that start inside the region and end inside it: what ordering inside the region depends on. */
export function innerEdges(s: Structure, region: Set<string>): GraphEdge[] {
  const out: GraphEdge[] = [];
  for (const id of region) for (const e of s.outgoing.get(id) ?? []) if (region.has(e.target)) out.push(e);
  return out;
}

/** A node on a cycle inside the region, or undefined when the region is acyclic (Kahn's algorithm). */
export function findCycle(s: Structure, region: Set<string>): string | undefined {
  const edges = innerEdges(s, region);
  const indegree = new Map([...region].map((id) => [id, 0]));
  for (const e of edges) indegree.set(e.target, indegree.get(e.target)! + 1);
  const ready = [...region].filter((id) => indegree.get(id) === 0);
  let done = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    done += 1;
    for (const e of s.outgoing.get(id) ?? []) {
      if (!region.has(e.target)) continue;
      const d = indegree.get(e.target)! - 1;
      indegree.set(e.target, d);
      if (d === 0) ready.push(e.target);
    }
  }
  if (done === region.size) return undefined;
  return [...region].filter((id) => indegree.get(id)! > 0).sort()[0];
}
