import type { ActionCatalog } from "@/workflows/actions/catalog";
import type { JsonSchema } from "@/workflows/graph/input-schema";
import { outputSchemas } from "@/workflows/graph/node-outputs";
import { startAt, stepInto } from "@/workflows/graph/output-schema";
import { referenceScope, upstreamOf, type ReferenceScope } from "@/workflows/graph/references";
import { graphEdge, graphNode, type GraphEdge, type GraphNode } from "@/workflows/graph/schema";
import { analyse } from "@/workflows/graph/structure";
import type { Scope } from "@/workflows/mapping/evaluate";
import { expressionPaths } from "@/workflows/mapping/paths";
import { renderValue, templateExpressions } from "@/workflows/mapping/template";
import { sourceFields, type FieldTree } from "./fields";

/**
 * What the step form's mapping needs about one selected step: the sources it can read (trigger, upstream steps,
 * the loop item), the scope a preview evaluates in, and the graph's reference scope for the shared checks.
 */

/** Sample data for previews and the picker's values: a run's trigger data and step outputs (by node id). */
export type Sample = { trigger?: unknown; steps: Record<string, unknown>; source: string };

/** `tree()` builds the source's fields when first asked (the picker opening, a search): not on every keystroke. */
export type MappingSource = { id: string; title: string; expression: string; tree: () => FieldTree; hasSample: boolean };

function lazy<T>(build: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: build() }).v;
}

export type MappingView = {
  nodeId: string;
  sources: MappingSource[];
  /** The scope the interpreter would give this step, from the sample (null: no sample yet). */
  scope: Scope | null;
  references: ReferenceScope;
};

// Parsed once per node object: an edit replaces only the nodes it changes, so typing in one field parses one node.
const parsedNodes = new WeakMap<object, GraphNode | null>();
const parsedEdges = new WeakMap<object, GraphEdge | null>();

function parsedOnce<T>(cache: WeakMap<object, T | null>, value: unknown, parse: (v: unknown) => { success: boolean; data?: T }): T | null {
  if (typeof value !== "object" || value === null) return null;
  if (cache.has(value)) return cache.get(value)!;
  const p = parse(value);
  const out = p.success ? p.data! : null;
  cache.set(value, out);
  return out;
}

/** The draft's nodes and edges that parse (a draft being edited may hold a half-written one; the rest still map). */
export function parsedGraph(doc: { nodes?: unknown; edges?: unknown } | null): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const n of Array.isArray(doc?.nodes) ? doc.nodes : []) {
    const p = parsedOnce(parsedNodes, n, (v) => graphNode.safeParse(v));
    if (p) nodes.push(p);
  }
  for (const e of Array.isArray(doc?.edges) ? doc.edges : []) {
    const p = parsedOnce(parsedEdges, e, (v) => graphEdge.safeParse(v));
    if (p) edges.push(p);
  }
  return { nodes, edges };
}

const titleOf = (n: GraphNode) => n.label || n.id;

/** The sample as the interpreter's scope: `trigger`, `steps.<id>.output` (the trigger's own output is its data). */
function sampleScope(sample: Sample, triggerId: string | undefined): Scope {
  const steps: Record<string, { output: unknown }> = {};
  for (const [id, output] of Object.entries(sample.steps)) steps[id] = { output };
  if (triggerId && !steps[triggerId] && sample.trigger !== undefined) steps[triggerId] = { output: sample.trigger };
  return { trigger: sample.trigger, steps };
}

/** The schema at a data path (trigger or steps.<id>.output…), for a loop's item; undefined when not declared. */
function schemaAt(schemas: Map<string, JsonSchema>, triggerId: string | undefined, root: string, keys: (string | number)[]): unknown {
  let schema: unknown;
  let rest = keys;
  if (root === "trigger" && triggerId) schema = schemas.get(triggerId);
  else if (root === "steps" && keys[1] === "output") {
    schema = schemas.get(String(keys[0]));
    rest = keys.slice(2);
  }
  let at = schema === undefined ? null : startAt(schema);
  for (const k of rest) {
    if (!at) return undefined;
    const step = stepInto(at, k);
    if (step.kind !== "some") return undefined;
    at = step.next;
  }
  return at ? { anyOf: at.schemas, $defs: (at.root as { $defs?: unknown } | undefined)?.$defs } : undefined;
}

/** The loop item's schema and sample when `items` is one plain reference (`{{ steps.list.output.rows }}`). */
function loopItem(loop: GraphNode & { kind: "loop" }, schemas: Map<string, JsonSchema>, triggerId: string | undefined, scope: Scope | null) {
  let schema: unknown;
  let sample: { value: unknown } | undefined;
  try {
    const exprs = templateExpressions(loop.items);
    const paths = exprs.length === 1 ? expressionPaths(exprs[0]!) : [];
    if (paths.length === 1 && !paths[0]!.open && (exprs[0]!.t === "get" || exprs[0]!.t === "var")) {
      const list = schemaAt(schemas, triggerId, paths[0]!.root, paths[0]!.keys);
      const start = list === undefined ? null : startAt(list);
      const step = start ? stepInto(start, 0) : null;
      if (step?.kind === "some") schema = { anyOf: step.next.schemas };
    }
    const items = scope ? renderValue(loop.items, scope) : undefined;
    if (Array.isArray(items) && items.length > 0) sample = { value: items[0] };
  } catch {
    // A loop whose items do not parse or evaluate offers its item without a schema or sample.
  }
  return { schema, sample };
}

export function mappingView(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, nodeId: string, catalog: ActionCatalog, sample: Sample | null): MappingView {
  const structure = analyse(graph);
  const schemas = outputSchemas(graph, catalog);
  const references = referenceScope(graph, structure, schemas);
  const upstream = upstreamOf(references, nodeId);
  const triggerId = references.triggerId;
  const base = sample ? sampleScope(sample, triggerId) : null;
  const sources: MappingSource[] = [];
  const trigger = triggerId ? references.nodes.get(triggerId) : undefined;
  if (trigger && trigger.id !== nodeId) {
    const has = sample?.trigger !== undefined;
    sources.push({ id: trigger.id, title: `Trigger (${titleOf(trigger)})`, expression: "trigger", tree: lazy(() => sourceFields("trigger", [], schemas.get(trigger.id), has ? { value: sample!.trigger } : undefined)), hasSample: has });
  }
  for (const n of graph.nodes) {
    if (!upstream.has(n.id) || n.kind === "trigger" || n.kind === "stop") continue;
    const has = sample ? Object.hasOwn(sample.steps, n.id) : false;
    sources.push({ id: n.id, title: titleOf(n), expression: `steps.${n.id}.output`, tree: lazy(() => sourceFields("steps", [n.id, "output"], schemas.get(n.id), has ? { value: sample!.steps[n.id] } : undefined)), hasSample: has });
  }
  // Inside a loop's body: the current item and its index (the innermost loop's).
  const loopId = structure.owner.get(nodeId);
  const loop = loopId ? references.nodes.get(loopId) : undefined;
  let scope = base;
  if (loop?.kind === "loop") {
    const item = loopItem(loop, schemas, triggerId, base);
    if (scope) scope = { ...scope, ...(item.sample && { item: item.sample.value }), index: 0 };
    sources.unshift({ id: "item", title: `Loop item (${titleOf(loop)})`, expression: "item", tree: lazy(() => sourceFields("item", [], item.schema, item.sample)), hasSample: item.sample !== undefined });
  }
  return { nodeId, sources, scope, references };
}
