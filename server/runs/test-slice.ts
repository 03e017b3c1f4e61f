import { analyse, type Structure } from "../../workflows/graph/structure";

type G = { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };

/** A body's edge back to a loop that holds its source: it closes the loop, it does not feed it. */
function closesLoop(s: Structure, e: { source: string; target: string }): boolean {
  for (let r = s.owner.get(e.source); r !== undefined; r = s.owner.get(r)) if (r === e.target) return true;
  return false;
}

/** Every node `from` leads to (itself excluded), loop bodies included; edges that close a loop are not followed. */
export function downstreamOf(graph: G, from: string): Set<string> {
  const s = analyse(graph as never);
  const out = new Set<string>();
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    for (const e of s.outgoing.get(queue[head]!) ?? []) {
      if (closesLoop(s, e) || out.has(e.target) || e.target === from) continue;
      out.add(e.target);
      queue.push(e.target);
    }
  }
  return out;
}

/** Every node that leads to `to` (itself excluded), through the same edges as above. */
export function upstreamOf(graph: G, to: string): Set<string> {
  const s = analyse(graph as never);
  const incoming = new Map<string, { source: string; target: string }[]>();
  for (const e of graph.edges) if (!closesLoop(s, e)) (incoming.get(e.target) ?? incoming.set(e.target, []).get(e.target)!).push(e);
  const out = new Set<string>();
  const queue = [to];
  for (let head = 0; head < queue.length; head++) {
    for (const e of incoming.get(queue[head]!) ?? []) {
      if (out.has(e.source) || e.source === to) continue;
      out.add(e.source);
      queue.push(e.source);
    }
  }
  return out;
}

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
