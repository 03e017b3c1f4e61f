import type { ActionCatalog } from "../actions/catalog";
import type { JsonSchema } from "./input-schema";
import type { Graph, GraphNode, TriggerNode } from "./schema";

/**
 * What each node's output holds, as JSON Schema, before anything has run: the trigger's data (the same shape for
 * a webhook delivery and a test run, server/triggers/manual.ts), an action's manifest output, and the built-in
 * control steps' own outputs (workflows/interpreter/nodes.ts). undefined: not declared, anything goes.
 */
const text = { type: "string" };
const textMap = { type: "object", additionalProperties: { type: "string" } };
const object = (properties: Record<string, unknown>, required: string[] = []): JsonSchema => ({ type: "object", properties, required, additionalProperties: false });

const REQUEST = {
  method: text,
  path: { type: ["string", "null"] },
  headers: textMap,
  query: { type: "object", additionalProperties: {} },
  body: {},
  ip: { type: ["string", "null"] },
  receivedAt: { type: "string", format: "date-time" },
};

/** The trigger's data (`trigger`, also `steps.<trigger>.output`); `body` of an integration trigger is its manifest's item. */
export function triggerOutputSchema(node: TriggerNode, appBody?: JsonSchema): JsonSchema {
  const body = appBody ?? {};
  switch (node.trigger) {
    case "schedule":
      return object({ kind: text, scheduledAt: text, body: object({ scheduledAt: text }) }, ["kind", "body"]);
    case "polling":
      return object({ kind: text, integration: text, trigger: text, dedupeKey: text, body }, ["kind", "body"]);
    case "app_webhook":
      return object({ kind: text, integration: text, trigger: text, deliveryId: text, body }, ["kind", "body"]);
    default:
      // manual and webhook: a test run's data has the same fields as a delivery's (no delivery id).
      return object({ kind: text, deliveryId: text, ...REQUEST }, ["kind", "method", "headers", "query", "body"]);
  }
}

/** The output schema of every node that declares one, by id. */
export function outputSchemas(graph: Pick<Graph, "nodes" | "edges">, catalog: ActionCatalog): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const sources = new Map<string, string[]>();
  for (const e of graph.edges) (sources.get(e.target) ?? sources.set(e.target, []).get(e.target)!).push(e.source);
  for (const n of graph.nodes) {
    const s = nodeOutputSchema(n, catalog, sources.get(n.id) ?? []);
    if (s) out.set(n.id, s);
  }
  return out;
}

function nodeOutputSchema(n: GraphNode, catalog: ActionCatalog, sources: string[]): JsonSchema | undefined {
  switch (n.kind) {
    case "trigger":
      return triggerOutputSchema(n, n.app && catalog.triggerOutput?.(n.app));
    case "action":
      return catalog(n.action)?.outputSchema;
    case "branch":
      return object({ result: {} }, ["result"]);
    case "delay":
      return object({ waitedMs: { type: "integer" } }, ["waitedMs"]);
    case "loop":
      return { type: "array", items: {} };
    case "merge":
      // "all": each step that arrived, by id; "first": whatever the first one gave.
      return n.mode === "all" ? object(Object.fromEntries(sources.map((id) => [id, {}]))) : undefined;
    case "stop":
      return undefined;
  }
}
