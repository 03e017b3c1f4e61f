import { proxyActivities } from "@temporalio/workflow";

/**
 * Calls the editor makes into integration code — dynamic options, connection tests — run on the worker (the
 * only process with a sandbox and with decrypted credentials), through this one-activity workflow. The request
 * names the connection by id; credentials never enter a Temporal payload. No retries: the person waiting in the
 * editor asks again.
 */
export type EditorCallRequest =
  | {
      kind: "options";
      workspaceId: string;
      integration: string;
      version: string;
      action: string;
      field: string;
      /** The action's fields filled in so far (the option loader reads its dependsOn fields from here). */
      input: Record<string, unknown>;
      search?: string;
      connectionId?: string;
    }
  | { kind: "connection_test"; workspaceId: string; integration: string; version: string; connectionKey: string; connectionId: string };

export type EditorOption = { label: string; value: unknown };
export type EditorCallResult = { ok: true; options?: EditorOption[] } | { ok: false; message: string };

export type EditorActivities = { runEditorCall(req: EditorCallRequest): Promise<EditorCallResult> };

const { runEditorCall } = proxyActivities<EditorActivities>({ startToCloseTimeout: "40s", retry: { maximumAttempts: 1 } });

export async function editorCall(req: EditorCallRequest): Promise<EditorCallResult> {
  return runEditorCall(req);
}
