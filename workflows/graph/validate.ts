import { builtinCatalog, type ActionCatalog } from "../actions/catalog";
import { checkTemplates } from "../mapping/template";
import { parseExpression } from "../mapping/parser";
import { graphSchema, handleOf, type Graph, type GraphNode } from "./schema";
import { analyse, findCycle, regionNodes, TOP } from "./structure";
import { triggerIssues } from "./trigger-issues";

/** One problem with a graph, naming the node (or edge) and the field, so the editor can point at it. */
export type GraphIssue = { nodeId: string | null; edgeId?: string; field: string; message: string };

export class GraphValidationError extends Error {
  override name = "GraphValidationError";
  constructor(readonly issues: GraphIssue[]) {
    super(issues.map((i) => `${i.nodeId ?? i.edgeId ?? "graph"}.${i.field}: ${i.message}`).join("; "));
  }
}

function handlesOf(n: GraphNode): string[] | null {
  switch (n.kind) {
    case "branch": return n.mode === "if" ? ["true", "false"] : [...n.cases, "default"];
    case "loop": return ["each", "done"];
    case "action": return ["out", "error"];
    case "stop": return [];
    default: return ["out"];
  }
}

function syntax(issues: GraphIssue[], nodeId: string, field: string, check: () => void) {
  try {
    check();
  } catch (e) {
    issues.push({ nodeId, field, message: (e as Error).message });
  }
}

function nodeIssues(n: GraphNode, catalog: ActionCatalog, issues: GraphIssue[]) {
  if (n.kind === "action") {
    const spec = catalog(n.action);
    if (!spec) issues.push({ nodeId: n.id, field: "action", message: `Unknown action ${n.action.integration}@${n.action.version}/${n.action.key}` });
    for (const key of spec?.requiredInputs ?? []) {
      const v = n.input[key];
      if (v === undefined || v === null || v === "") issues.push({ nodeId: n.id, field: `input.${key}`, message: `"${key}" is required` });
    }
    for (const [key, v] of Object.entries(n.input)) syntax(issues, n.id, `input.${key}`, () => checkTemplates(v));
  }
  if (n.kind === "trigger") issues.push(...triggerIssues(n));
  if (n.kind === "branch") syntax(issues, n.id, "expression", () => parseExpression(n.expression));
  if (n.kind === "loop") syntax(issues, n.id, "items", () => checkTemplates(n.items));
  if (n.kind === "delay") {
    if (n.durationMs === undefined && !n.until) issues.push({ nodeId: n.id, field: "durationMs", message: "Give a duration or a time to wait until" });
    if (n.until) syntax(issues, n.id, "until", () => checkTemplates(n.until));
  }
}

/** Every problem in a graph (shape, then structure); empty when it can be published and run. */
export function graphIssues(input: unknown, catalog: ActionCatalog = builtinCatalog): GraphIssue[] {
  const parsed = graphSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => {
      const [list, index, ...rest] = i.path;
      const nodeId = list === "nodes" && typeof index === "number" ? ((input as Graph).nodes[index]?.id ?? `#${index}`) : null;
      return { nodeId, field: (nodeId ? rest : i.path).join(".") || "graph", message: i.message };
    });
  }
  const graph = parsed.data;
  const issues: GraphIssue[] = [];
  const seen = new Set<string>();
  for (const n of graph.nodes) {
    if (seen.has(n.id)) issues.push({ nodeId: n.id, field: "id", message: `Two nodes are called "${n.id}"` });
    seen.add(n.id);
    nodeIssues(n, catalog, issues);
  }
  const triggers = graph.nodes.filter((n) => n.kind === "trigger");
  if (triggers.length !== 1) issues.push({ nodeId: triggers[1]?.id ?? null, field: "kind", message: "A workflow needs exactly one trigger" });
  for (const e of graph.edges) {
    const source = graph.nodes.find((n) => n.id === e.source);
    if (!source) issues.push({ nodeId: e.source, edgeId: e.id, field: "edges", message: `Edge ${e.id} starts at a node that does not exist` });
    if (!seen.has(e.target)) issues.push({ nodeId: e.source, edgeId: e.id, field: "edges", message: `Edge ${e.id} points to "${e.target}", which does not exist` });
    const handles = source && handlesOf(source);
    if (handles && !handles.includes(handleOf(e))) issues.push({ nodeId: e.source, edgeId: e.id, field: "edges", message: `"${source.id}" has no "${handleOf(e)}" exit` });
    if (triggers.some((t) => t.id === e.target)) issues.push({ nodeId: e.target, edgeId: e.id, field: "edges", message: "Nothing can lead into the trigger" });
  }
  if (issues.length > 0) return issues;
  const s = analyse(graph);
  for (const region of [TOP, ...graph.nodes.filter((n) => n.kind === "loop").map((n) => n.id)]) {
    const ids = regionNodes(s, region);
    const cyclic = findCycle(s, ids);
    if (cyclic) issues.push({ nodeId: cyclic, field: "edges", message: `"${cyclic}" is on a cycle; repeat work with a loop node instead` });
    // A loop body is entered only through the loop's "each" exit: a node also reached from outside (say, by
    // the loop's "done" edge) would belong to the body and to what comes after it at once.
    if (region !== TOP) {
      for (const e of graph.edges) {
        if (!isInside(s, e.target, region)) continue;
        const fromLoop = e.source === region && handleOf(e) === "each";
        if (!fromLoop && e.source !== region && isInside(s, e.source, region)) continue;
        if (!fromLoop) issues.push({ nodeId: e.target, edgeId: e.id, field: "edges", message: `"${e.target}" is inside loop "${region}" but is also reached from outside it ("${e.source}")` });
      }
    }
  }
  return issues;
}

function isInside(s: ReturnType<typeof analyse>, id: string, loop: string): boolean {
  for (let o = s.owner.get(id); o !== undefined; o = s.owner.get(o)) if (o === loop) return true;
  return false;
}

/** Parses and checks a graph for publishing or running; throws GraphValidationError with every issue. */
export function validateGraph(input: unknown, catalog: ActionCatalog = builtinCatalog): Graph {
  const issues = graphIssues(input, catalog);
  if (issues.length > 0) throw new GraphValidationError(issues);
  return graphSchema.parse(input);
}
