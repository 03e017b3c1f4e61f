/**
 * How big a workflow graph may be. Checked before anything else looks at a graph (before zod, before the
 * structure pass), so the cost of refusing one is bounded by the limits, not by what was sent. The defaults
 * are far above a real workflow (the biggest seen have a few hundred nodes) and keep a save under a few ms of
 * work on the web server. The graph's bytes and JSON depth are the shared JSON limits (db/json,
 * JUNCTION_JSON_MAX_BYTES / JUNCTION_JSON_MAX_DEPTH), checked by the server before this.
 *
 * Pure and shared by the server, the editor and the worker: the environment is read by the caller and passed in.
 */
export type GraphLimits = {
  maxNodes: number;
  maxEdges: number;
  /** Loops inside loops: the body of a loop in the body of a loop is nesting 2. */
  maxLoopNesting: number;
};

export const DEFAULT_GRAPH_LIMITS: Readonly<GraphLimits> = Object.freeze({ maxNodes: 2000, maxEdges: 4000, maxLoopNesting: 32 });

export const GRAPH_LIMIT_SETTINGS = {
  maxNodes: { env: "JUNCTION_GRAPH_MAX_NODES", min: 10, max: 100_000 },
  maxEdges: { env: "JUNCTION_GRAPH_MAX_EDGES", min: 10, max: 200_000 },
  maxLoopNesting: { env: "JUNCTION_GRAPH_MAX_LOOP_NESTING", min: 1, max: 1000 },
} as const;

/** The defaults, overridden by the given environment; a bad setting throws, naming it. */
export function graphLimitsFrom(env: Record<string, string | undefined>): GraphLimits {
  const limits = { ...DEFAULT_GRAPH_LIMITS };
  for (const key of Object.keys(GRAPH_LIMIT_SETTINGS) as (keyof GraphLimits)[]) {
    const { env: name, min, max } = GRAPH_LIMIT_SETTINGS[key];
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}".`);
    limits[key] = value;
  }
  return limits;
}

/** A graph with more nodes or edges than the limits, by message; null when within them (or not a graph at all: zod says why). */
export function graphCountProblem(input: unknown, limits: GraphLimits): string | null {
  if (input === null || typeof input !== "object") return null;
  const { nodes, edges } = input as { nodes?: unknown; edges?: unknown };
  if (Array.isArray(nodes) && nodes.length > limits.maxNodes) {
    return `The workflow has ${nodes.length} nodes, more than the limit of ${limits.maxNodes} (${GRAPH_LIMIT_SETTINGS.maxNodes.env}).`;
  }
  if (Array.isArray(edges) && edges.length > limits.maxEdges) {
    return `The workflow has ${edges.length} edges, more than the limit of ${limits.maxEdges} (${GRAPH_LIMIT_SETTINGS.maxEdges.env}).`;
  }
  return null;
}

export function loopNestingProblem(nodeId: string, nesting: number, limits: GraphLimits): string {
  return `"${nodeId}" is inside ${nesting} nested loops, more than the limit of ${limits.maxLoopNesting} (${GRAPH_LIMIT_SETTINGS.maxLoopNesting.env}).`;
}
