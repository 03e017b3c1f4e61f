import type { ConnectionRef } from "./schema";

/**
 * The workflow file: what "Export" downloads and "Import" reads (docs/workflow-file.md). It carries the draft's
 * graph and its sticky notes, with keys in a stable (sorted) order so two exports of the same workflow are the
 * same bytes and diff cleanly in version control. It never carries credentials: a step's connection is named by
 * its integration and name (`connectionRef`), which the importing workspace maps onto one of its own.
 *
 * Versioned by `schemaVersion`. A change to the format bumps it and adds an upgrade from the version before to
 * UPGRADES, so every older file still imports; a file from a newer Junction is refused with what to do.
 */
export const WORKFLOW_FILE_FORMAT = "junction-workflow";
export const WORKFLOW_FILE_VERSION = 1;

export type WorkflowFile = {
  format: typeof WORKFLOW_FILE_FORMAT;
  schemaVersion: typeof WORKFLOW_FILE_VERSION;
  name: string;
  description: string;
  exportedAt: string;
  /** The graph (workflows/graph/schema.ts) with connectionRef in place of every connectionId. */
  graph: Record<string, unknown>;
};

export type ReadFile = { ok: true; file: WorkflowFile; upgradedFrom: number | null } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const DEFAULT_NAME = "Imported workflow";

/** A copy of a JSON value with every object's keys sorted. The caller bounds its depth (the JSON limits). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isObject(value)) return value;
  const out: Obj = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = sortedKeys(value[key]);
  return out;
}

/**
 * Where a node keeps its connection (`holder`: an action node itself, a polling/app-webhook trigger's `app`) and its
 * integration pin (`pin`: the action's `action`, the trigger's `app`, each with `integration` and `version`).
 */
export function connectionHolder(node: unknown): { holder: Obj; pin: Obj; integration: string } | null {
  if (!isObject(node)) return null;
  if (node.kind === "action" && isObject(node.action) && typeof node.action.integration === "string") return { holder: node, pin: node.action, integration: node.action.integration };
  if (node.kind === "trigger" && isObject(node.app) && typeof node.app.integration === "string") return { holder: node.app, pin: node.app, integration: node.app.integration };
  return null;
}

/** The file for a workflow; `connectionOf` names a connection id of the exporting workspace (null: it is gone). */
export function toWorkflowFile(workflow: { name: string; description: string; graph: unknown }, connectionOf: (id: string) => ConnectionRef | null, now: Date): string {
  const graph = structuredClone(workflow.graph) as Obj;
  for (const node of Array.isArray(graph.nodes) ? graph.nodes : []) {
    const found = connectionHolder(node);
    if (!found) continue;
    const { holder, integration } = found;
    const id = holder.connectionId;
    delete holder.connectionId;
    if (typeof id === "string") holder.connectionRef = connectionOf(id) ?? { integration, name: "" };
  }
  const file: WorkflowFile = { format: WORKFLOW_FILE_FORMAT, schemaVersion: WORKFLOW_FILE_VERSION, name: workflow.name, description: workflow.description, exportedAt: now.toISOString(), graph };
  return `${JSON.stringify(sortedKeys(file), null, 2)}\n`;
}

const isBareGraph = (v: Obj) => Array.isArray(v.nodes) && Array.isArray(v.edges) && typeof v.schemaVersion === "number";

/**
 * Upgrades, by the version they upgrade from. Version 0 is a bare graph: the editor's "Advanced: JSON" view and
 * what people kept before export existed. Its connection ids mean nothing elsewhere; they are kept as ids here
 * (the importing server keeps those of its own workspace) and every other one becomes a connection to choose.
 */
const UPGRADES: Record<number, (file: Obj) => Obj> = {
  0: (graph) => ({ format: WORKFLOW_FILE_FORMAT, schemaVersion: 1, name: DEFAULT_NAME, description: "", exportedAt: "", graph }),
};

function describeFound(v: unknown): string {
  if (Array.isArray(v)) return "a JSON list";
  if (!isObject(v)) return `a JSON ${v === null ? "null" : typeof v}`;
  const keys = Object.keys(v);
  if (keys.length === 0) return "an empty JSON object";
  return `a JSON object with ${keys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(", ")}${keys.length > 5 ? ` and ${keys.length - 5} more` : ""}`;
}

/** The version a parsed JSON value is in, or why it is not a workflow file this server can read. */
function versionOf(raw: unknown): { version: number } | { error: string } {
  const notOurs = `This is not a Junction workflow file: expected an object with "format": "${WORKFLOW_FILE_FORMAT}" (or a workflow graph with nodes and edges), found ${describeFound(raw)}.`;
  if (!isObject(raw)) return { error: notOurs };
  if (raw.format === undefined) return isBareGraph(raw) ? { version: 0 } : { error: notOurs };
  if (raw.format !== WORKFLOW_FILE_FORMAT) return { error: notOurs };
  const v = raw.schemaVersion;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) return { error: `The file's "schemaVersion" must be a whole number from 1; found ${JSON.stringify(v)?.slice(0, 40) ?? "nothing"}.` };
  if (v > WORKFLOW_FILE_VERSION) return { error: `This file was exported by a newer Junction (workflow file version ${v}); this server reads versions up to ${WORKFLOW_FILE_VERSION}. Update Junction, or export the workflow again from a server of this version.` };
  return { version: v };
}

/**
 * Reads a parsed workflow file of any version this server knows, upgraded to the current one, or every reason it
 * cannot be (each naming the field). Bounded: the caller has checked the value against the JSON size and depth
 * limits, and the graph itself is checked by the same rules as a saved draft after this.
 */
export function readWorkflowFile(raw: unknown): ReadFile {
  const found = versionOf(raw);
  if ("error" in found) return { ok: false, errors: [found.error] };
  let file = raw as Obj;
  for (let v = found.version; v < WORKFLOW_FILE_VERSION; v++) file = UPGRADES[v]!(file);
  const errors: string[] = [];
  const name = typeof file.name === "string" ? file.name.trim().slice(0, 120) : "";
  if (file.name !== undefined && typeof file.name !== "string") errors.push(`"name" must be text; found ${describeFound(file.name)}.`);
  if (file.description !== undefined && file.description !== null && typeof file.description !== "string") errors.push(`"description" must be text.`);
  if (!isObject(file.graph)) errors.push(`"graph" must be the workflow graph (an object with nodes and edges); found ${describeFound(file.graph)}.`);
  else if (!Array.isArray(file.graph.nodes) || !Array.isArray(file.graph.edges)) errors.push(`"graph" must have "nodes" and "edges" lists.`);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    upgradedFrom: found.version === WORKFLOW_FILE_VERSION ? null : found.version,
    file: {
      format: WORKFLOW_FILE_FORMAT,
      schemaVersion: WORKFLOW_FILE_VERSION,
      name: name || DEFAULT_NAME,
      description: typeof file.description === "string" ? file.description.slice(0, 2000) : "",
      exportedAt: typeof file.exportedAt === "string" ? file.exportedAt : "",
      graph: file.graph as Obj,
    },
  };
}
