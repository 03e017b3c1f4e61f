import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { checkJsonValue, jsonLimits } from "../../db/json";
import { connections } from "../../db/schema";
import { temporal } from "../../workflows/client";
import { temporalConfig } from "../../workflows/config";
import { EDITOR_CALL_WORKFLOW } from "../../workflows/constants";
import type { editorCall, EditorCallRequest, EditorOption } from "../../workflows/editor-call";
import { DomainError, fieldError } from "../errors";
import { requireRole } from "../workspaces/access";
import { usableVersions } from "./catalog";
import type { OptionsInput } from "./inputs";

// Longer than the activity's own 40 s, so a stuck worker surfaces as a clear timeout, not a hung request.
const EDITOR_CALL_TIMEOUT = "60s";

/**
 * The web side of the editor's calls into integration code. Everything that can be checked without running
 * integration code is checked here (role, the integration is usable in this workspace, the action and field
 * exist, dependsOn fields are filled, the connection is this workspace's); then the worker runs it
 * (workflows/editor-call.ts). The web process never loads a bundle or decrypts a credential.
 */
export async function loadOptions(db: Database, userId: string, workspaceId: string, input: OptionsInput): Promise<{ options: EditorOption[] }> {
  await requireRole(db, userId, workspaceId, "editor");
  // The fields filled in so far go to the worker in a Temporal payload: held to the shared JSON limits first.
  const tooBig = checkJsonValue(input.input, jsonLimits(), "The action's input");
  if (tooBig) throw fieldError("input", tooBig.message);
  const version = (await usableVersions(db, workspaceId)).find((v) => v.slug === input.integration && v.version === input.version);
  if (!version) throw fieldError("integration", `Integration ${input.integration}@${input.version} is not available in this workspace.`, "NOT_FOUND");
  const action = version.manifest.actions.find((a) => a.key === input.action);
  if (!action) throw fieldError("action", `${version.manifest.name} has no action "${input.action}".`);
  const spec = action.dynamicOptions.find((d) => d.field === input.field);
  if (!spec) throw fieldError("field", `"${input.field}" of ${action.name} has no options to load.`);
  const missing = spec.dependsOn.filter((f) => input.input[f] === undefined || input.input[f] === null || input.input[f] === "");
  if (missing.length) throw fieldError(`input.${missing[0]}`, `Fill in ${missing.map((f) => `"${f}"`).join(" and ")} first: the choices for "${input.field}" depend on ${missing.length === 1 ? "it" : "them"}.`);
  if (input.search && !spec.searchable) throw fieldError("search", `"${input.field}" cannot be searched.`);
  if (input.connectionId) await connectionOf(db, workspaceId, input.connectionId);
  const result = await callWorker({
    kind: "options",
    workspaceId,
    integration: input.integration,
    version: input.version,
    action: input.action,
    field: input.field,
    input: input.input,
    ...(input.search ? { search: input.search } : {}),
    ...(input.connectionId ? { connectionId: input.connectionId } : {}),
  });
  if (!result.ok) throw new DomainError("BAD_REQUEST", `Could not load the choices for "${input.field}": ${result.message}`);
  return { options: result.options ?? [] };
}

/**
 * Runs the integration's test(ctx) with the stored credentials. A failing test is an answer, not an error:
 * { ok: false, message } for the connection page, and the connection's health says so too.
 */
export async function testConnection(db: Database, userId: string, workspaceId: string, connectionId: string): Promise<{ ok: boolean; message?: string }> {
  await requireRole(db, userId, workspaceId, "editor");
  const row = await connectionOf(db, workspaceId, connectionId);
  const version = (await usableVersions(db, workspaceId)).find((v) => v.slug === row.integrationSlug);
  if (!version) throw new DomainError("BAD_REQUEST", `Integration ${row.integrationSlug} is not available in this workspace, so its connection cannot be tested.`);
  const spec = version.manifest.connections.find((c) => c.kind === row.kind && c.testable);
  if (!spec) throw new DomainError("BAD_REQUEST", `${version.manifest.name} has no test for ${row.kind} connections.`);
  const result = await callWorker({ kind: "connection_test", workspaceId, integration: version.slug, version: version.version, connectionKey: spec.key, connectionId });
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

async function connectionOf(db: Database, workspaceId: string, connectionId: string) {
  const row = await db.query.connections.findFirst({ where: and(eq(connections.id, connectionId), eq(connections.workspaceId, workspaceId)) });
  if (!row) throw fieldError("connectionId", "Connection not found in this workspace.", "NOT_FOUND");
  return row;
}

async function callWorker(req: EditorCallRequest) {
  const { client } = await temporal();
  return client.workflow.execute<typeof editorCall>(EDITOR_CALL_WORKFLOW, {
    taskQueue: temporalConfig().taskQueue,
    workflowId: `editor-${randomUUID()}`,
    args: [req],
    workflowExecutionTimeout: EDITOR_CALL_TIMEOUT,
  });
}
