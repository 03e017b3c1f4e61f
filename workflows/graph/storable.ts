import { z } from "zod";
import { graphCountProblem, loopNestingProblem, type GraphLimits } from "./limits";
import { graphEdge, graphNode, graphSchema, GRAPH_SCHEMA_VERSION, NODE_KINDS, nodeIdSchema, type Graph } from "./schema";
import { analyse } from "./structure";
import type { GraphIssue } from "./validate";

/**
 * What a draft must be to be stored at all, apart from what it must be to be published. An editor saves (and
 * autosaves) half-built workflows, so a draft with problems is stored and its problems come back with the
 * save; only a graph the editor could not even draw or address is refused. Structural (refused on save):
 *  - over the size limits: JSON bytes and depth (db/json, checked by the server first), node and edge counts,
 *    loop nesting (GraphLimits): a hostile graph must cost no more than a big valid one;
 *  - not the graph's outer shape: schemaVersion, a nodes array and an edges array; each node an object with a
 *    snake_case id and a known kind; each edge an id, a source and a target (strings); the graph's settings
 *    and sticky notes (they are for people; nothing checks them later);
 *  - two nodes, or two edges, with the same id: problems, selection and edits (the editor's operations,
 *    app/_lib/graph-edit) are addressed by id.
 * Everything else is a problem that only blocks publishing, activation and test runs: a node whose own fields
 * do not match its kind's schema (an empty branch expression, a retry count of 0, ...), missing required inputs,
 * unknown actions, edges to or from nodes that do not exist, exits a node does not have, cycles, template and
 * expression errors, a trigger's settings, not exactly one trigger.
 */
const storableNode = z.looseObject({ id: nodeIdSchema, kind: z.enum(NODE_KINDS) });
const storableGraph = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(storableNode),
  edges: z.array(graphEdge),
  settings: graphSchema.shape.settings,
  notes: graphSchema.shape.notes,
});

/** A stored draft: the outer shape holds; each node is parsed (defaults filled) when it can be, else kept as sent. */
export type StoredGraph = z.infer<typeof storableGraph>;

export type StorableCheck =
  | { ok: false; errors: GraphIssue[] }
  /** `parsed` is the whole graph parsed when every node parses (then `nodeProblems` is empty), else null. */
  | { ok: true; draft: StoredGraph; parsed: Graph | null; nodeProblems: GraphIssue[] };

/** Path of a zod issue as node and field: ["nodes", 3, "input", "url"] → node "call", field "input.url". */
function located(input: unknown, path: PropertyKey[], message: string): GraphIssue {
  const [list, index, ...rest] = path;
  const nodes = (input as { nodes?: unknown[] } | null)?.nodes;
  if (list === "nodes" && typeof index === "number") {
    const id = (nodes?.[index] as { id?: unknown } | undefined)?.id;
    return { nodeId: typeof id === "string" ? id : `#${index}`, field: rest.join(".") || "id", message };
  }
  return { nodeId: null, field: path.join(".") || "graph", message };
}

/** Checks what makes a graph storable (see above), linear in its size; the limits are checked first. */
export function checkStorable(input: unknown, limits: GraphLimits): StorableCheck {
  const tooMany = graphCountProblem(input, limits);
  if (tooMany) return { ok: false, errors: [{ nodeId: null, field: "graph", message: tooMany }] };
  const shape = storableGraph.safeParse(input);
  if (!shape.success) return { ok: false, errors: shape.error.issues.map((i) => located(input, i.path, i.message)) };
  const seen = new Set<string>();
  const errors: GraphIssue[] = [];
  for (const n of shape.data.nodes) {
    if (seen.has(n.id)) errors.push({ nodeId: n.id, field: "id", message: `Two nodes are called "${n.id}"` });
    seen.add(n.id);
  }
  const edgeIds = new Set<string>();
  shape.data.edges.forEach((e, index) => {
    if (edgeIds.has(e.id)) errors.push({ nodeId: null, edgeId: e.id, field: `edges.${index}.id`, message: `Two edges are called "${e.id}"` });
    edgeIds.add(e.id);
  });
  if (errors.length > 0) return { ok: false, errors };
  const structure = analyse(shape.data as Pick<Graph, "nodes" | "edges">);
  for (const n of shape.data.nodes) {
    const nesting = structure.nesting.get(n.id)!;
    if (nesting > limits.maxLoopNesting) return { ok: false, errors: [{ nodeId: n.id, field: "graph", message: loopNestingProblem(n.id, nesting, limits) }] };
  }
  const nodeProblems: GraphIssue[] = [];
  const nodes = shape.data.nodes.map((n, index) => {
    const parsed = graphNode.safeParse(n);
    if (parsed.success) return parsed.data;
    for (const i of parsed.error.issues) nodeProblems.push(located(input, ["nodes", index, ...i.path], i.message));
    return n;
  });
  const draft = { ...shape.data, nodes };
  return { ok: true, draft, parsed: nodeProblems.length === 0 ? (draft as Graph) : null, nodeProblems };
}
