import { and, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { installations, integrations, integrationVersions } from "../../db/schema";
import { parseManifest, type Manifest } from "@junction/sdk";
import { builtinCatalog, type ActionCatalog, type ActionRef, type ActionSpec } from "../../workflows/actions/catalog";
import { requireRole } from "../workspaces/access";
import { RUNNABLE } from "./versions";

type ActionManifest = Manifest["actions"][number];

const specOf = (a: ActionManifest): ActionSpec => ({
  requiredInputs: Array.isArray(a.input.required) ? (a.input.required as string[]) : [],
  description: a.description,
  inputSchema: a.input,
  outputSchema: a.output,
});

type LooseRef = { integration?: unknown; version?: unknown };

/** The (slug, version) pairs of the integration actions (and integration trigger) a graph uses. */
function integrationRefs(graph: unknown): { integration: string; version: string }[] {
  const nodes = (graph as { nodes?: unknown[] } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  const seen = new Map<string, { integration: string; version: string }>();
  for (const n of nodes as { kind?: unknown; action?: LooseRef; app?: LooseRef }[]) {
    const a = n?.kind === "action" ? n.action : n?.kind === "trigger" ? n.app : undefined;
    if (typeof a?.integration !== "string" || typeof a.version !== "string" || a.integration === "core") continue;
    seen.set(`${a.integration}@${a.version}`, { integration: a.integration, version: a.version });
  }
  return [...seen.values()];
}

/**
 * The ActionCatalog graph validation uses for one graph: built-ins, plus the actions of the runnable integration
 * versions the graph names (read from their manifests). A version that does not exist or cannot run leaves its
 * actions unknown, so saving names the node.
 */
export async function catalogForGraph(db: Database, graph: unknown): Promise<ActionCatalog> {
  const refs = integrationRefs(graph);
  if (refs.length === 0) return builtinCatalog;
  const rows = await db
    .select({ slug: integrations.slug, version: integrationVersions.version, status: integrationVersions.status, manifest: integrationVersions.manifest })
    .from(integrationVersions)
    .innerJoin(integrations, eq(integrations.id, integrationVersions.integrationId))
    .where(or(...refs.map((r) => and(eq(integrations.slug, r.integration), eq(integrationVersions.version, r.version)))));
  const specs = new Map<string, ActionSpec>();
  const triggerOutputs = new Map<string, Record<string, unknown>>();
  const triggerInputs = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    if (!RUNNABLE.has(row.status)) continue;
    const manifest = parseManifest(row.manifest);
    for (const a of manifest.actions) specs.set(`${row.slug}@${row.version}/${a.key}`, specOf(a));
    for (const t of manifest.triggers) {
      triggerOutputs.set(`${row.slug}@${row.version}/${t.key}`, t.output);
      triggerInputs.set(`${row.slug}@${row.version}/${t.key}`, t.input);
    }
  }
  const key = (ref: ActionRef) => `${ref.integration}@${ref.version}/${ref.key}`;
  return Object.assign((ref: ActionRef) => builtinCatalog(ref) ?? specs.get(key(ref)), {
    triggerOutput: (ref: ActionRef) => triggerOutputs.get(key(ref)),
    triggerInput: (ref: ActionRef) => triggerInputs.get(key(ref)),
  });
}

export type CatalogAction = {
  key: string;
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the input and output; the editor renders the form from `input`. */
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  dynamicOptions: ActionManifest["dynamicOptions"];
};
/**
 * An integration trigger a polling or app-webhook trigger node can use: `input` is the JSON Schema of its config
 * (the editor's form; a new trigger starts with its defaults), `output` that of its item (the trigger's body).
 */
export type CatalogTrigger = {
  key: string;
  name: string;
  description: string;
  /** "polling": the platform polls it; "webhook": the service sends events (an app_webhook trigger node). */
  kind: "polling" | "webhook";
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  /** Polling only: the shortest interval the integration allows. */
  minIntervalSeconds?: number;
};
export type CatalogEntry = {
  slug: string;
  name: string;
  version: string;
  official: boolean;
  description: string;
  /** The manifest's icon as given (the editor shows only an image data: URI or a short text, else a default). */
  icon?: string;
  connections: Manifest["connections"];
  actions: CatalogAction[];
  triggers: CatalogTrigger[];
};

const semverKey = (v: string) => v.split(/[.+-]/).slice(0, 3).map((p) => p.padStart(8, "0")).join(".");

type UsableVersion = { integrationId: string; slug: string; official: boolean; version: string; manifest: Manifest };

/**
 * The integration versions a workspace's editor offers: official integrations (their newest approved version)
 * and the ones it installed (the installed version).
 */
export async function usableVersions(db: Database, workspaceId: string): Promise<UsableVersion[]> {
  const installed = await db.select({ integrationId: installations.integrationId, versionId: installations.versionId }).from(installations).where(eq(installations.workspaceId, workspaceId));
  const official = await db.select({ id: integrations.id }).from(integrations).where(eq(integrations.official, true));
  const ids = [...new Set([...official.map((o) => o.id), ...installed.map((i) => i.integrationId)])];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ i: integrations, v: { id: integrationVersions.id, version: integrationVersions.version, status: integrationVersions.status, manifest: integrationVersions.manifest } })
    .from(integrationVersions)
    .innerJoin(integrations, eq(integrations.id, integrationVersions.integrationId))
    .where(and(inArray(integrations.id, ids), inArray(integrationVersions.status, [...RUNNABLE] as ("approved" | "deprecated")[])));
  const pinned = new Map(installed.map((i) => [i.integrationId, i.versionId]));
  const best = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const pin = pinned.get(row.i.id);
    if (pin ? row.v.id !== pin : row.v.status !== "approved") continue;
    const current = best.get(row.i.id);
    if (!current || semverKey(row.v.version) > semverKey(current.v.version)) best.set(row.i.id, row);
  }
  return [...best.values()].map(({ i, v }) => ({ integrationId: i.id, slug: i.slug, official: i.official, version: v.version, manifest: parseManifest(v.manifest) }));
}

/** What a workspace's editor can add, each action and trigger with its JSON Schemas (input for the form, output for mapping). */
export async function listCatalog(db: Database, userId: string, workspaceId: string): Promise<CatalogEntry[]> {
  await requireRole(db, userId, workspaceId, "viewer");
  return (await usableVersions(db, workspaceId))
    .map(({ slug, official, version, manifest: m }) => ({
      slug,
      name: m.name,
      version,
      official,
      description: m.description,
      ...(m.icon ? { icon: m.icon } : {}),
      connections: m.connections,
      actions: m.actions.map((a) => ({ key: a.key, name: a.name, description: a.description, input: a.input, output: a.output, dynamicOptions: a.dynamicOptions })),
      triggers: m.triggers.map((t) => ({ key: t.key, name: t.name, description: t.description, kind: t.kind, input: t.input, output: t.output, ...(t.kind === "polling" ? { minIntervalSeconds: t.minIntervalSeconds } : {}) })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
