import { handleOf, handlesOf, type ExitsOf } from "./handles";
import type { Graph } from "./schema";
import { analyse, cyclicNodes, type RegionConflict } from "./structure";
import { conflictMessage, CYCLE_ADVICE, INTO_TRIGGER, noExitMessage, ONE_TRIGGER } from "./validate";

/**
 * Whether the editor may draw an edge, by the rules validation applies to a saved graph (validate.ts and
 * structure.ts, not a second set): the exit must be one the source has, nothing leads into the trigger, only
 * one trigger leads anywhere, and the new edge must not close a cycle outside a loop or put a step inside a
 * loop's body and outside it at once. Refused too: a step leading to itself, and an edge that is already there
 * (same source, exit and target; an exit may fan out to several steps). Problems the draft already has are
 * not held against a new edge: only what the edge would add.
 *
 * Read loosely, like the editor's draft: a node is anything with an id and a kind (it may not parse yet).
 */
export type ConnectNode = ExitsOf & { id: string; [field: string]: unknown };
export type ConnectEdge = { id: string; source: string; target: string; sourceHandle?: string };
export type ConnectGraph = { nodes: readonly ConnectNode[]; edges: readonly ConnectEdge[] };
export type Connection = { source: string; sourceHandle?: string | null; target: string };

/** Checks connections against one graph; the graph's own structure is analysed once, each candidate in one linear pass. */
export function connectionChecker(graph: ConnectGraph): (c: Connection) => string | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const triggers = graph.nodes.filter((n) => n.kind === "trigger");
  let before: { cycles: Set<string>; conflicts: Set<string> } | null = null;
  const structure = (edges: readonly ConnectEdge[]) => analyse({ nodes: graph.nodes, edges } as unknown as Pick<Graph, "nodes" | "edges">);
  return (c) => {
    const source = byId.get(c.source);
    const target = byId.get(c.target);
    const handle = c.sourceHandle ?? "out";
    if (!source) return `There is no step "${c.source}".`;
    if (!target) return `There is no step "${c.target}".`;
    if (c.source === c.target) return `A step cannot lead to itself ("${c.source}"); ${CYCLE_ADVICE}.`;
    if (target.kind === "trigger") return `${INTO_TRIGGER} ("${c.target}").`;
    if (source.kind === "trigger" && triggers.length > 1 && triggers[0]!.id !== source.id) {
      return `${ONE_TRIGGER}: "${source.id}" is a second trigger ("${triggers[0]!.id}" is the first).`;
    }
    const exits = handlesOf(source);
    if (exits && !exits.includes(handle)) return `${noExitMessage(source.id, handle)}.`;
    if (graph.edges.some((e) => e.source === c.source && e.target === c.target && handleOf(e) === handle)) {
      return `"${c.source}" already leads to "${c.target}" from its "${handle}" exit.`;
    }
    before ??= summary(structure(graph.edges));
    const candidate: ConnectEdge = { id: "\u0000candidate", source: c.source, target: c.target, ...(handle === "out" ? {} : { sourceHandle: handle }) };
    const s = structure([...graph.edges, candidate]);
    for (const [region, node] of cyclicNodes(s)) {
      if (!before.cycles.has(region)) return `This would close a cycle through "${node}"; ${CYCLE_ADVICE}.`;
    }
    const added = s.conflicts.find((x) => !before!.conflicts.has(conflictKey(x)));
    return added ? `${conflictMessage(s, added)}.` : null;
  };
}

/** One connection checked against the graph (see connectionChecker): the reason it is refused, or null. */
export function connectionProblem(graph: ConnectGraph, c: Connection): string | null {
  return connectionChecker(graph)(c);
}

function summary(s: ReturnType<typeof analyse>) {
  return { cycles: new Set(cyclicNodes(s).keys()), conflicts: new Set(s.conflicts.map(conflictKey)) };
}

const conflictKey = (c: RegionConflict) => `${c.edge.id}\u0000${c.nodeId}\u0000${c.implied}`;
