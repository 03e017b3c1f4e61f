/**
 * Reads a chosen file in the browser before anything is sent: its size against the API's request limit (the
 * server refuses more anyway, but after the upload) and whether it is JSON at all. What the file means is the
 * server's to say (workflow.previewImport).
 */
export const WORKFLOW_FILE_MAX_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function readWorkflowFileInput(file: File): Promise<ReadResult> {
  if (file.size === 0) return { ok: false, error: `“${file.name}” is empty.` };
  if (file.size > WORKFLOW_FILE_MAX_BYTES) return { ok: false, error: `“${file.name}” is ${mb(file.size)}; a workflow file can be at most ${mb(WORKFLOW_FILE_MAX_BYTES)}.` };
  const text = await file.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: `“${file.name}” is not JSON (${(e as Error).message}). Choose a file exported from Junction.` };
  }
}
