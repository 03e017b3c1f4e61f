import { handleOf } from "./handles";
import type { Graph, GraphEdge, GraphNode } from "./schema";

/**
 * The shape the interpreter walks: which nodes belong to which region (the top level, or the body of one
 * loop), and the edges in and out of each node. Loops are structural: a loop's body is everything reachable
 * from its "each" handle; an edge from the body back to the loop node is allowed and means nothing more.
 *
 * Everything here is one pass over nodes and edges (linear): a graph is saved by any signed-in user, and the
 * analysis runs on the web server's event loop and in every workflow task. It used to find each loop's body
 * by its own search and each node's loop by comparing every body, which is cubic in loop nesting: 1,600
 * nested loops held the web server for 24 s.
 */
export type Structure = {
  nodes: Map<string, GraphNode>;
  outgoing: Map<string, GraphEdge[]>;
  /** Innermost loop whose body holds the node; undefined at the top level. In the graph's node order. */
  owner: Map<string, string | undefined>;
  /** The nodes of each region (TOP or a loop's id), in the graph's node order. */
  members: Map<string, string[]>;
  /** How many loops hold each node: 0 at the top level. */
  nesting: Map<string, number>;
  /** Edges that disagree with the regions (a body entered from outside, an edge back to a loop further out). */
  conflicts: RegionConflict[];
};

/** An edge into `nodeId` that would put it in region `implied`, while it belongs to region `region`. */
export type RegionConflict = { edge: GraphEdge; nodeId: string; region: string; implied: string };

export const TOP = "";

/**
 * Regions follow the edges: a loop's "each" edge leads into that loop's body; any other edge stays in its
 * source's region, except an edge from a body back to its own loop. One breadth-first pass from the nodes
 * nothing leads into (the trigger, and nodes not yet connected) gives each node the region of the first edge
 * that reaches it; every other edge is checked against that, and a disagreement is a conflict (in a valid graph
 * there are none, and each node's region is the innermost loop body that holds it). Nodes reachable only
 * through a cycle (a loop not yet connected to the trigger, with its body's edge back) are started from
 * afterwards: loops that no "each" edge leads into first, then the rest, in graph order.
 */
export function analyse(graph: Pick<Graph, "nodes" | "edges">): Structure {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  const entered = new Set<string>();
  const enteredByEach = new Set<string>();
  for (const e of graph.edges) {
    const from = outgoing.get(e.source);
    if (!from) continue;
    from.push(e);
    if (!nodes.has(e.target)) continue; // dangling: validation reports it; the interpreter never follows it
    entered.add(e.target);
    if (isEach(nodes.get(e.source)!, e)) enteredByEach.add(e.target);
  }

  const region = new Map<string, string>();
  const depth = new Map<string, number>();
  const conflicts: RegionConflict[] = [];
  const queue: string[] = [];
  const place = (id: string, r: string) => {
    region.set(id, r);
    depth.set(id, r === TOP ? 0 : depth.get(r)! + 1);
    queue.push(id);
  };
  const spread = () => {
    // An index, not shift(): shift() is linear in the queue's length.
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const source = nodes.get(id)!;
      const own = region.get(id)!;
      for (const e of outgoing.get(id)!) {
        if (!nodes.has(e.target)) continue;
        const each = isEach(source, e);
        if (!each && e.target === own) continue; // a body's edge back to its own loop
        const implied = each ? id : own;
        const actual = region.get(e.target);
        if (actual === undefined) place(e.target, implied);
        else if (actual !== implied) conflicts.push({ edge: e, nodeId: e.target, region: actual, implied });
      }
    }
    queue.length = 0;
  };
  const seed = (pick: (n: GraphNode) => boolean) => {
    for (const n of graph.nodes) {
      if (region.has(n.id) || !pick(n)) continue;
      place(n.id, TOP);
      spread();
    }
  };
  seed((n) => !entered.has(n.id));
  seed((n) => n.kind === "loop" && !enteredByEach.has(n.id));
  seed(() => true);

  const owner = new Map<string, string | undefined>();
  const members = new Map<string, string[]>([[TOP, []]]);
  for (const n of graph.nodes) if (n.kind === "loop") members.set(n.id, []);
  for (const n of graph.nodes) {
    const r = region.get(n.id)!;
    owner.set(n.id, r === TOP ? undefined : r);
    members.get(r)!.push(n.id);
  }
  return { nodes, outgoing, owner, members, nesting: depth, conflicts };
}

const isEach = (source: GraphNode, e: GraphEdge) => source.kind === "loop" && handleOf(e) === "each";

/** The nodes of one region: the top level (TOP) or one loop's body (the loop's id). */
export function regionNodes(s: Structure, region: string): Set<string> {
  return new Set(s.members.get(region) ?? []);
}

/**
 * Nodes on a cycle inside a region (edges between two nodes of the same region; a body's edge back to its
 * loop joins two regions and is no cycle): for each region with one, the first such node by id. One Kahn's
 * pass over the whole graph, since no edge inside a region crosses into another.
 */
export function cyclicNodes(s: Structure): Map<string, string> {
  const indegree = new Map<string, number>();
  const inner = (e: GraphEdge) => s.nodes.has(e.target) && s.owner.get(e.source) === s.owner.get(e.target);
  for (const id of s.nodes.keys()) indegree.set(id, 0);
  for (const edges of s.outgoing.values()) for (const e of edges) if (inner(e)) indegree.set(e.target, indegree.get(e.target)! + 1);
  const ready = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  while (ready.length > 0) {
    const id = ready.pop()!;
    for (const e of s.outgoing.get(id)!) {
      if (!inner(e)) continue;
      const d = indegree.get(e.target)! - 1;
      indegree.set(e.target, d);
      if (d === 0) ready.push(e.target);
    }
  }
  const first = new Map<string, string>();
  for (const [id, d] of indegree) {
    if (d === 0) continue;
    const r = s.owner.get(id) ?? TOP;
    const known = first.get(r);
    if (known === undefined || id < known) first.set(r, id);
  }
  return first;
}
