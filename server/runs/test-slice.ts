import { downstreamOf as forwardOf, referenceScope, upstreamOf as backOf } from "../../workflows/graph/references";
import type { Graph } from "../../workflows/graph/schema";
import { analyse } from "../../workflows/graph/structure";

type G = { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };

/**
 * The walks are the reference check's own (workflows/graph/references.ts), so "what a step can read" and "what a
 * test of it runs" follow the same edges: a body's edge back to its loop is not followed either way.
 */
const scopeOf = (graph: G) => referenceScope(graph as Graph, analyse(graph as Graph), new Map());

/** Every node `from` leads to (itself excluded), loop bodies included; edges that close a loop are not followed. */
export const downstreamOf = (graph: G, from: string): Set<string> => forwardOf(scopeOf(graph), from);

/** Every node that leads to `to` (itself excluded), through the same edges as above. */
export const upstreamOf = (graph: G, to: string): Set<string> => backOf(scopeOf(graph), to);

/**
 * "Test this step": the graph cut down to the step and what leads to it, so nothing after it runs and a problem
 * elsewhere in the draft does not stop the test. Every predecessor of a kept node is kept, so merges and
 * branches upstream behave as in the whole graph.
 */
export function sliceTo<T extends G>(graph: T, nodeId: string): T {
  const keep = upstreamOf(graph, nodeId).add(nodeId);
  return { ...graph, nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

/** The node a step key belongs to: "each_user[2].notify" → "notify". */
export const nodeOfStepKey = (key: string) => key.slice(key.lastIndexOf(".") + 1).replace(/\[\d+\]$/, "");
