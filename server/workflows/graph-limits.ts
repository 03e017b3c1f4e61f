import { checkJsonValue, jsonLimits } from "../../db/json";
import { graphCountProblem, graphLimitsFrom, type GraphLimits } from "../../workflows/graph";

/** The graph limits in force on this server: workflows/graph/limits.ts's defaults, overridden by the environment. */
export function graphLimits(env: Record<string, string | undefined> = process.env): GraphLimits {
  return graphLimitsFrom(env);
}

/**
 * What makes a graph too big to look at, checked before anything walks it: its JSON depth and bytes (the shared
 * JSON limits; a graph is stored as jsonb like any other value from outside), then its node and edge counts.
 * Every step is bounded by the limits, so a hostile graph is refused in about the time it took to receive.
 */
export function graphSizeProblem(graph: unknown, limits: GraphLimits = graphLimits()): string | null {
  const json = checkJsonValue(graph, jsonLimits(), "The workflow graph");
  return json ? json.message : graphCountProblem(graph, limits);
}
