import { Context } from "@temporalio/activity";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { connections } from "../../db/schema";
import { SandboxError, SandboxGuestError, type SandboxHost } from "../../integrations/runtime";
import { openCredentials } from "../../server/connections/vault";
import { DomainError } from "../../server/errors";
import type { VersionLoader } from "../../server/integrations/version-cache";
import { assertUsable, IntegrationVersionError } from "../../server/integrations/versions";
import type { EditorCallRequest, EditorCallResult, EditorOption } from "../editor-call";
import { stepCapabilities } from "./capabilities";

const MAX_OPTIONS = 1_000;
// The person is waiting in the editor: a loader or test that takes longer has failed for them anyway.
const EDITOR_LIMITS = { wallMs: 20_000, cpuMs: 5_000 };

export type EditorCallDeps = { db: Database; sandbox: SandboxHost; versions: VersionLoader };

/**
 * The worker side of workflows/editor-call.ts: runs an options loader (`<action>:options:<field>`) or a
 * connection test (`connection:<key>:test`) in the sandbox with the workspace's connection, and answers with
 * plain data or a message for the editor. A connection test also records the connection's health.
 */
export function createEditorCall({ db, sandbox, versions }: EditorCallDeps) {
  return async function runEditorCall(req: EditorCallRequest): Promise<EditorCallResult> {
    try {
      const version = await versions({ integration: req.integration, version: req.version });
      await assertUsable(db, req.workspaceId, version);
      const connection = req.connectionId ? await openCredentials(db, { workspaceId: req.workspaceId, connectionId: req.connectionId }) : undefined;
      if (connection && connection.integrationSlug !== version.slug) return { ok: false, message: `The connection belongs to ${connection.integrationSlug}, not ${version.slug}.` };
      const { capabilities } = stepCapabilities(db, { workspaceId: req.workspaceId, integrationId: version.integrationId }, version.manifest);
      const info = Context.current().info;
      const callId = info.workflowExecution?.workflowId ?? info.activityId;
      const entry = req.kind === "options" ? `${req.action}:options:${req.field}` : `connection:${req.connectionKey}:test`;
      const result = await sandbox
        .execute({
          bundle: version.bundle,
          bundleHash: version.bundleHash,
          integrationId: version.slug,
          actionKey: entry,
          input: req.kind === "options" ? { input: req.input, ...(req.search ? { search: req.search } : {}) } : {},
          connection: connection?.credentials,
          permissions: { network: version.manifest.permissions.network },
          limits: { ...version.manifest.limits, ...EDITOR_LIMITS },
          run: { runId: callId, stepId: entry, attempt: info.attempt, idempotencyKey: callId },
          capabilities,
          signal: Context.current().cancellationSignal,
        })
        .then(
          (r) => ({ ok: true as const, output: r.output }),
          (err: unknown) => {
            if (err instanceof SandboxGuestError) return { ok: false as const, message: err.message };
            if (err instanceof SandboxError) return { ok: false as const, message: err.message };
            throw err;
          },
        );
      if (req.kind === "connection_test") {
        await db
          .update(connections)
          .set({ health: result.ok ? "ok" : "test_failed", updatedAt: new Date() })
          .where(and(eq(connections.id, req.connectionId), eq(connections.workspaceId, req.workspaceId)));
        return result.ok ? { ok: true } : { ok: false, message: result.message };
      }
      if (!result.ok) return result;
      return toOptions(result.output);
    } catch (err) {
      if (err instanceof IntegrationVersionError || err instanceof DomainError) return { ok: false, message: err.message };
      throw err;
    }
  };
}

/** The loader's answer, checked: a list of { label: string, value }. */
function toOptions(output: unknown): EditorCallResult {
  if (!Array.isArray(output)) return { ok: false, message: "The integration's options loader did not return a list." };
  const options: EditorOption[] = [];
  for (const o of output.slice(0, MAX_OPTIONS) as { label?: unknown; value?: unknown }[]) {
    if (o === null || typeof o !== "object" || typeof o.label !== "string" || o.value === undefined) {
      return { ok: false, message: "The integration's options loader returned an entry without a label and a value." };
    }
    options.push({ label: o.label, value: o.value });
  }
  return { ok: true, options };
}
