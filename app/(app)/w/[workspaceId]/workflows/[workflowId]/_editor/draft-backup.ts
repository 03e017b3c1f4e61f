/**
 * A copy of unsaved draft text in this browser's localStorage, so edits made offline (or in a tab closed before
 * its save landed) survive a reload. One entry a workflow: the revision the edits were made on and its text (to
 * merge against if the server moved on meanwhile), and the edited text. Storage that is full or disabled is not
 * an error: the backup is a second line behind autosave, not the save itself.
 */
export type DraftBackup = { revision: number; baseText: string; text: string; at: number };

const key = (workflowId: string) => `junction:draft:${workflowId}`;

export function readBackup(workflowId: string): DraftBackup | null {
  try {
    const raw = window.localStorage.getItem(key(workflowId));
    if (!raw) return null;
    const b = JSON.parse(raw) as Partial<DraftBackup>;
    if (typeof b.revision !== "number" || typeof b.baseText !== "string" || typeof b.text !== "string" || typeof b.at !== "number") return null;
    return { revision: b.revision, baseText: b.baseText, text: b.text, at: b.at };
  } catch {
    return null;
  }
}

export function writeBackup(workflowId: string, backup: DraftBackup): void {
  try {
    window.localStorage.setItem(key(workflowId), JSON.stringify(backup));
  } catch {
    // Quota exceeded or storage disabled: autosave still saves when it can.
  }
}

export function clearBackup(workflowId: string): void {
  try {
    window.localStorage.removeItem(key(workflowId));
  } catch {
    // Storage disabled: nothing was kept.
  }
}
