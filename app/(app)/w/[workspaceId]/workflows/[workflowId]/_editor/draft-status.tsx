"use client";
import { Button } from "@/app/_components/button";
import type { AutosaveStatus } from "@/app/_lib/autosave/machine";
import { AutosaveIndicator } from "./autosave-indicator";

type Props = {
  readOnly: boolean;
  status: { status: AutosaveStatus; label: string; detail: string };
  dirty: boolean;
  /** The text is JSON (a draft that does not parse cannot be saved). */
  canSave: boolean;
  onSave: () => void;
  onRevert: () => void;
};

/**
 * Where the draft stands (saved by itself: Saved, Saving…, Offline, …), with Save draft to save at once (or
 * Ctrl/Cmd+S) and Revert: in the editor's bar, so both views have them.
 */
export function DraftStatus({ readOnly, status, dirty, canSave, onSave, onRevert }: Props) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <AutosaveIndicator {...status} readOnly={readOnly} />
      {!readOnly && (
        <>
          <Button variant="ghost" size="sm" className="shrink-0 !px-2" onClick={onRevert} disabled={!dirty || status.status === "saving"}>
            Revert
          </Button>
          <Button size="sm" className="shrink-0" onClick={onSave} pending={status.status === "saving"} disabled={!canSave}>
            Save draft
          </Button>
        </>
      )}
    </div>
  );
}
