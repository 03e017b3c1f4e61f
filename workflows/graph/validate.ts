import { builtinCatalog, type ActionCatalog } from "../actions/catalog";
import { checkTemplates } from "../mapping/template";
import { parseExpression } from "../mapping/parser";
import { inputIssues } from "./input-schema";
import { handleOf, handlesOf } from "./handles";
import type { Graph, GraphNode } from "./schema";
import { DEFAULT_GRAPH_LIMITS, type GraphLimits } from "./limits";
import { checkStorable, type StoredGraph } from "./storable";
import { outputSchemas } from "./node-outputs";
import { nodeReferenceIssues, referenceScope } from "./references";
import { analyse, cyclicNodes, TOP, type RegionConflict, type Structure } from "./structure";
import { triggerIssues } from "./trigger-issues";
import { unchosenConnection } from "./connection-ref";

/** One problem with a graph, naming the node (or edge) and the field, so the editor can point at it. */
export type GraphIssue = { nodeId: string | null; edgeId?: string; field: string; message: string };

export class GraphValidationError extends Error {
  override name = "GraphValidationError";
  constructor(readonly issues: GraphIssue[]) {
    super(issues.map((i) => `${i.nodeId ?? i.edgeId ?? "graph"}.${i.field}: ${i.message}`).join("; "));
  }
}

function syntax(issues: GraphIssue[], nodeId: string, field: string, check: () => void) {
  try {
    check();
  } catch (e) {
    issues.push({ nodeId, field, message: (e as Error).message });
  }
}

/** One node's own problems (its fields, not its edges): what the editor's step form shows as you type. */
export function nodeIssues(n: GraphNode, catalog: ActionCatalog, issues: GraphIssue[] = []): GraphIssue[] {
  if (n.kind === "action") {
    const spec = catalog(n.action);
    if (!spec) issues.push({ nodeId: n.id, field: "action", message: `Unknown action ${n.action.integration}@${n.action.version}/${n.action.key}` });
    if (spec?.inputSchema) {
      for (const i of inputIssues(n.input, spec.inputSchema)) issues.push({ nodeId: n.id, field: i.path ? `input.${i.path}` : "input", message: i.message });
    }
    for (const key of spec?.inputSchema ? [] : (spec?.requiredInputs ?? [])) {
      const v = n.input[key];
      if (v === undefined || v === null || v === "") issues.push({ nodeId: n.id, field: `input.${key}`, message: `"${key}" is required` });
    }
    for (const [key, v] of Object.entries(n.input)) syntax(issues, n.id, `input.${key}`, () => checkTemplates(v));
  }
  if (n.kind === "trigger") {
    issues.push(...triggerIssues(n));
    // An integration trigger's config is checked against its manifest's input schema, as an action's input is.
    const configSchema = n.app && (n.trigger === "polling" || n.trigger === "app_webhook") ? catalog.triggerInput?.(n.app) : undefined;
    if (n.app && configSchema) {
      for (const i of inputIssues(n.app.config, configSchema)) issues.push({ nodeId: n.id, field: i.path ? `app.config.${i.path}` : "app.config", message: i.message });
    }
  }
  const unchosen = unchosenConnection(n);
  if (unchosen) issues.push(unchosen);
  if (n.kind === "branch") syntax(issues, n.id, "expression", () => parseExpression(n.expression));
  if (n.kind === "loop") syntax(issues, n.id, "items", () => checkTemplates(n.items));
  if (n.kind === "delay") {
    if (n.durationMs === undefined && !n.until) issues.push({ nodeId: n.id, field: "durationMs", message: "Give a duration or a time to wait until" });
    if (n.until) syntax(issues, n.id, "until", () => checkTemplates(n.until));
  }
  return issues;
}

// Messages the editor's connection check (connection.ts) shares, so a refused drag and a save say the same thing.
export const INTO_TRIGGER = "Nothing can lead into the trigger";
export const ONE_TRIGGER = "A workflow needs exactly one trigger";
export const CYCLE_ADVICE = "repeat work with a loop node instead";
export const noExitMessage = (nodeId: string, handle: string) => `"${nodeId}" has no "${handle}" exit`;

/**
 * Every problem in a graph (size, shape, then structure); empty when it can be published and run. Each step is
 * linear in nodes + edges, and the size limits come first, so a hostile graph costs no more than a big valid one.
 */
export function graphIssues(input: unknown, catalog: ActionCatalog = builtinCatalog, limits: GraphLimits = DEFAULT_GRAPH_LIMITS): GraphIssue[] {
  return inspectGraph(input, catalog, limits).issues;
}

/**
 * The problems and, when it parses, the parsed graph (so callers need not parse it again). `structural` says
 * the graph cannot even be stored as a draft (storable.ts says which errors those are); otherwise `draft` is
 * what to store, problems or not.
 */
export function inspectGraph(
  input: unknown,
  catalog: ActionCatalog = builtinCatalog,
  limits: GraphLimits = DEFAULT_GRAPH_LIMITS,
): { issues: GraphIssue[]; structural: boolean; graph?: Graph; draft?: StoredGraph } {
  const storable = checkStorable(input, limits);
  if (!storable.ok) return { issues: storable.errors, structural: true };
  const { draft, parsed: graph } = storable;
  // A node that does not match its kind's schema is reported alone (like any schema error): what follows reads its fields.
  if (!graph) return { issues: storable.nodeProblems, structural: false, draft };
  const issues: GraphIssue[] = [];
  const byId = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    byId.set(n.id, n);
    nodeIssues(n, catalog, issues);
  }
  // The nodes' own problems do not stop the structure's checks (a form being filled in has some); edge problems do.
  const ownIssues = issues.length;
  const triggers = graph.nodes.filter((n) => n.kind === "trigger");
  if (triggers.length !== 1) issues.push({ nodeId: triggers[1]?.id ?? null, field: "kind", message: ONE_TRIGGER });
  const triggerIds = new Set(triggers.map((t) => t.id));
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    if (!source) issues.push({ nodeId: e.source, edgeId: e.id, field: "edges", message: `Edge ${e.id} starts at a node that does not exist` });
    if (!byId.has(e.target)) issues.push({ nodeId: e.source, edgeId: e.id, field: "edges", message: `Edge ${e.id} points to "${e.target}", which does not exist` });
    const handles = source && handlesOf(source);
    if (handles && !handles.includes(handleOf(e))) issues.push({ nodeId: e.source, edgeId: e.id, field: "edges", message: noExitMessage(source.id, handleOf(e)) });
    if (triggerIds.has(e.target)) issues.push({ nodeId: e.target, edgeId: e.id, field: "edges", message: INTO_TRIGGER });
  }
  if (issues.length > ownIssues) return { issues, structural: false, graph, draft };
  const s = analyse(graph); // loop nesting is within the limits: checkStorable checked it
  const cycles = cyclicNodes(s);
  for (const region of [TOP, ...graph.nodes.filter((n) => n.kind === "loop").map((n) => n.id)]) {
    const cyclic = cycles.get(region);
    if (cyclic) issues.push({ nodeId: cyclic, field: "edges", message: `"${cyclic}" is on a cycle; ${CYCLE_ADVICE}` });
  }
  // A loop body is entered only through the loop's "each" exit: a node also reached from outside (say, by
  // the loop's "done" edge) would belong to the body and to what comes after it at once.
  for (const c of s.conflicts) issues.push({ nodeId: c.nodeId, edgeId: c.edge.id, field: "edges", message: conflictMessage(s, c) });
  // References last: which steps come before which, and which loop holds a step, need sound edges and regions.
  if (issues.length === ownIssues) {
    const scope = referenceScope(graph, s, outputSchemas(graph, catalog));
      for (const n of graph.nodes) nodeReferenceIssues(scope, n, issues);
  }
  return { issues, structural: false, graph, draft };
}

export function conflictMessage(s: Structure, c: RegionConflict): string {
  const { nodeId, region, implied, edge } = c;
  // An edge (not an "each") back to a loop further out than the body it leaves (the walk is bounded: nesting
  // was checked).
  const each = implied === edge.source;
  for (let o = each ? undefined : s.owner.get(implied); o !== undefined; o = s.owner.get(o)) {
    if (o === nodeId) return `"${edge.source}" is in the body of loop "${implied}" and leads back to loop "${nodeId}"; a body can only lead back to its own loop`;
  }
  if (implied !== TOP && s.nodes.get(implied)?.kind === "loop" && region !== implied) {
    return `"${nodeId}" is inside loop "${implied}" (by way of "${edge.source}") but is also reached from outside it`;
  }
  return `"${nodeId}" is inside loop "${region}" but is also reached from outside it ("${edge.source}")`;
}

/** Parses and checks a graph for publishing or running; throws GraphValidationError with every issue. */
export function validateGraph(input: unknown, catalog: ActionCatalog = builtinCatalog, limits: GraphLimits = DEFAULT_GRAPH_LIMITS): Graph {
  const { issues, graph } = inspectGraph(input, catalog, limits);
  if (issues.length > 0 || !graph) throw new GraphValidationError(issues);
  return graph;
}
