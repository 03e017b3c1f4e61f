import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { checkJsonValue, jsonLimits } from "../../db/json";
import { connections, workflows } from "../../db/schema";
import { connectionHolder, readWorkflowFile, toWorkflowFile, type WorkflowFile } from "../../workflows/graph";
import { DomainError } from "../errors";
import { usableVersions } from "../integrations/catalog";
import { requireRole } from "../workspaces/access";
import { checkDraft } from "./draft-check";

/** The built-in steps' integration: every workspace has it. */
const BUILTIN = "core";

/** One connection the file's steps used, and what this workspace could use instead. */
export type ImportConnection = {
  /** Identifies the reference in the import's `connections` choice. */
  key: string;
  integration: string;
  integrationName: string;
  /** The connection's name in the exporting workspace ("" when the file did not say). */
  name: string;
  steps: string[];
  options: { id: string; name: string }[];
  /** The workspace's connection of that integration with the same name, if there is one. */
  suggested: string | null;
};

export type ImportPlan = {
  name: string;
  description: string;
  steps: number;
  notes: number;
  upgradedFrom: number | null;
  /** Steps whose integration this workspace has at another version: the import uses the workspace's. */
  repinned: { integration: string; from: string; to: string; steps: string[] }[];
  connections: ImportConnection[];
};

export type ImportPreview = { ok: true; plan: ImportPlan } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const keyOf = (integration: string, name: string) => `${integration}/${name}`;

export async function exportWorkflow(db: Database, userId: string, workspaceId: string, workflowId: string): Promise<{ fileName: string; text: string }> {
  await requireRole(db, userId, workspaceId, "viewer");
  const wf = await db.query.workflows.findFirst({ where: and(eq(workflows.id, workflowId), eq(workflows.workspaceId, workspaceId)) });
  if (!wf) throw new DomainError("NOT_FOUND", "Workflow not found in this workspace.");
  const named = await db.select({ id: connections.id, integration: connections.integrationSlug, name: connections.name }).from(connections).where(eq(connections.workspaceId, workspaceId));
  const byId = new Map(named.map((c) => [c.id, { integration: c.integration, name: c.name }]));
  const text = toWorkflowFile({ name: wf.name, description: wf.description, graph: wf.draftGraph }, (id) => byId.get(id) ?? null, new Date());
  const slug = wf.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "workflow";
  return { fileName: `${slug}.junction.json`, text };
}

/**
 * Reads a file and works out how it lands in this workspace: which integrations it needs (all must be usable
 * here), which versions change, which connections to map. Everything wrong is listed at once.
 */
async function plan(db: Database, workspaceId: string, raw: unknown): Promise<{ ok: true; plan: ImportPlan; file: WorkflowFile; versions: Map<string, string> } | { ok: false; errors: string[] }> {
  const tooBig = checkJsonValue(raw, jsonLimits(), "The workflow file");
  if (tooBig) return { ok: false, errors: [tooBig.message] };
  const read = readWorkflowFile(raw);
  if (!read.ok) return read;
  const file = read.file;
  const nodes = file.graph.nodes as unknown[];
  const usable = new Map((await usableVersions(db, workspaceId)).map((u) => [u.slug, u]));
  const own = await db.select({ id: connections.id, integration: connections.integrationSlug, name: connections.name }).from(connections).where(eq(connections.workspaceId, workspaceId));
  const ownIds = new Set(own.map((c) => c.id));

  const missing = new Map<string, string[]>();
  const repinned = new Map<string, ImportPlan["repinned"][number]>();
  const refs = new Map<string, ImportConnection>();
  for (const node of nodes) {
    const found = connectionHolder(node);
    if (!found) continue;
    const { holder, pin, integration } = found;
    const step = String((node as Obj).id);
    if (integration === BUILTIN) continue;
    const here = usable.get(integration);
    if (!here) {
      missing.set(integration, [...(missing.get(integration) ?? []), step]);
      continue;
    }
    if (typeof pin.version === "string" && pin.version !== here.version) {
      const k = `${integration}@${pin.version}`;
      const r = repinned.get(k) ?? { integration, from: pin.version, to: here.version, steps: [] };
      r.steps.push(step);
      repinned.set(k, r);
    }
    // A bare graph's connection ids (file version 0): this workspace's own are kept, the rest are to choose.
    if (typeof holder.connectionId === "string" && ownIds.has(holder.connectionId)) continue;
    const named = holder.connectionRef as { name?: unknown } | undefined;
    if (!named && typeof holder.connectionId !== "string") continue;
    const name = typeof named?.name === "string" ? named.name : "";
    const key = keyOf(integration, name);
    const entry = refs.get(key) ?? {
      key,
      integration,
      integrationName: here.manifest.name,
      name,
      steps: [],
      options: own.filter((c) => c.integration === integration).map((c) => ({ id: c.id, name: c.name })),
      suggested: own.find((c) => c.integration === integration && name !== "" && c.name === name)?.id ?? null,
    };
    entry.steps.push(step);
    refs.set(key, entry);
  }
  if (missing.size > 0) {
    return {
      ok: false,
      errors: [...missing].map(([slug, steps]) => `This workspace does not have the integration "${slug}" (used by ${steps.length === 1 ? "step" : "steps"} ${steps.map((s) => `"${s}"`).join(", ")}). Install it, then import again.`),
    };
  }
  const notes = Array.isArray(file.graph.notes) ? file.graph.notes.length : 0;
  return {
    ok: true,
    file,
    versions: new Map([...usable].map(([slug, u]) => [slug, u.version])),
    plan: { name: file.name, description: file.description, steps: nodes.length, notes, upgradedFrom: read.upgradedFrom, repinned: [...repinned.values()], connections: [...refs.values()] },
  };
}

export async function previewImport(db: Database, userId: string, workspaceId: string, raw: unknown): Promise<ImportPreview> {
  await requireRole(db, userId, workspaceId, "editor");
  const p = await plan(db, workspaceId, raw);
  return p.ok ? { ok: true, plan: p.plan } : p;
}

/**
 * Creates the workflow from a file, in one insert (nothing half-imported): integration versions re-pinned to
 * this workspace's, each connection reference mapped onto the chosen connection or left on the node to choose.
 */
export async function importWorkflow(
  db: Database,
  userId: string,
  workspaceId: string,
  raw: unknown,
  choice: { name?: string; connections: Record<string, string | null> },
): Promise<{ id: string; name: string }> {
  await requireRole(db, userId, workspaceId, "editor");
  const p = await plan(db, workspaceId, raw);
  if (!p.ok) throw new DomainError("BAD_REQUEST", p.errors.join(" "), { file: p.errors });
  const byKey = new Map(p.plan.connections.map((c) => [c.key, c]));
  for (const [key, id] of Object.entries(choice.connections)) {
    const ref = byKey.get(key);
    if (!ref) throw new DomainError("BAD_REQUEST", `The file has no connection "${key}" to map.`, { [`connections.${key}`]: ["Not in this file"] });
    if (id !== null && !ref.options.some((o) => o.id === id)) {
      throw new DomainError("BAD_REQUEST", `The connection chosen for ${ref.name ? `"${ref.name}"` : ref.integrationName} is not a ${ref.integrationName} connection of this workspace.`, { [`connections.${key}`]: ["Choose one of this workspace's connections"] });
    }
  }
  const graph = structuredClone(p.file.graph);
  for (const node of graph.nodes as unknown[]) {
    const found = connectionHolder(node);
    if (!found || found.integration === BUILTIN) continue;
    const { holder, pin, integration } = found;
    pin.version = p.versions.get(integration);
    const named = holder.connectionRef as { name?: unknown } | undefined;
    const entry = byKey.get(keyOf(integration, typeof named?.name === "string" ? named.name : ""));
    if (!entry || !entry.steps.includes(String((node as Obj).id))) continue;
    const chosen = choice.connections[entry.key];
    delete holder.connectionId;
    holder.connectionRef = { integration, name: entry.name };
    if (chosen) holder.connectionId = chosen;
  }
  // The same rules as saving a draft: a graph that could not be stored is refused whole; problems are kept.
  const { draft } = await checkDraft(db, graph);
  const name = (choice.name ?? p.plan.name).trim().slice(0, 120) || p.plan.name;
  const [wf] = await db.insert(workflows).values({ workspaceId, name, description: p.plan.description, draftGraph: draft, createdBy: userId }).returning({ id: workflows.id, name: workflows.name });
  return wf!;
}
