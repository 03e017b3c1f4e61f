import type { Database } from "../../db/client";
import { inspectGraph, type Graph, type GraphIssue, type StoredGraph } from "../../workflows/graph";
import { DomainError } from "../errors";
import { catalogForGraph } from "../integrations/catalog";
import { graphLimits, graphSizeProblem } from "./graph-limits";

/** Graph problems as form errors: "nodes.<id>.<field>" → messages, so the editor marks the node. */
function fieldErrorsOf(issues: GraphIssue[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of issues) (fieldErrors[i.nodeId ? `nodes.${i.nodeId}.${i.field}` : i.field] ??= []).push(i.message);
  return fieldErrors;
}

/** Problems that block publishing (or a run, or activation), listed by node and field. */
export function graphError(issues: GraphIssue[], what = "The workflow"): DomainError {
  return new DomainError("BAD_REQUEST", `${what} has ${issues.length} problem${issues.length === 1 ? "" : "s"}: ${issues[0]!.message}`, fieldErrorsOf(issues));
}

/** A graph that cannot be stored even as a draft (workflows/graph/storable.ts says which errors those are). */
function structuralError(errors: GraphIssue[]): DomainError {
  const [e] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  // Size limits and loop nesting say it all themselves; a shape error needs its place in the graph.
  if (e!.field === "graph" && errors.length === 1) return new DomainError("BAD_REQUEST", e!.message, fieldErrorsOf(errors));
  const where = `${e!.nodeId ? `node "${e!.nodeId}" ` : ""}${e!.field}`;
  return new DomainError("BAD_REQUEST", `The workflow graph cannot be saved: ${where}: ${e!.message}${more}`, fieldErrorsOf(errors));
}

export type DraftCheck = { draft: StoredGraph; problems: GraphIssue[]; graph?: Graph };

/** Size limits first (bounded work, before the catalog query walks it), then shape, then every problem. */
async function inspectDraft(db: Database, graph: unknown): Promise<DraftCheck | { structural: GraphIssue[] }> {
  const limits = graphLimits();
  const tooBig = graphSizeProblem(graph, limits);
  if (tooBig) return { structural: [{ nodeId: null, field: "graph", message: tooBig }] };
  const { issues, structural, graph: parsed, draft } = inspectGraph(graph, await catalogForGraph(db, graph), limits);
  if (structural || !draft) return { structural: issues };
  return { draft, problems: issues, graph: parsed };
}

/**
 * Checks a graph for storing as a draft. Throws when it cannot be stored at all; otherwise returns what to store
 * (nodes parsed, with their defaults, where they can be) and every problem that blocks publishing, by node and field.
 */
export async function checkDraft(db: Database, graph: unknown): Promise<DraftCheck> {
  const r = await inspectDraft(db, graph);
  if ("structural" in r) throw structuralError(r.structural);
  return r;
}

/** Checks a graph for publishing, activation or a test run: the parsed graph, or every problem as a form error. */
export async function checkedGraph(db: Database, graph: unknown, what?: string): Promise<Graph> {
  const { problems, graph: parsed } = await checkDraft(db, graph);
  if (problems.length > 0 || !parsed) throw graphError(problems, what);
  return parsed;
}

/**
 * The problems of a stored graph, for showing. A draft stored before the limits were lowered reports what makes
 * it unstorable now as its problems: the editor shows them like any other.
 */
export async function problemsOf(db: Database, graph: unknown): Promise<GraphIssue[]> {
  const r = await inspectDraft(db, graph);
  return "structural" in r ? r.structural : r.problems;
}
