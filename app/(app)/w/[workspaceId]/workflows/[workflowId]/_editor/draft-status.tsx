"use client";
import { Button } from "@/app/_components/button";

type Props = {
  readOnly: boolean;
  dirty: boolean;
  saving: boolean;
  /** The text is JSON (a draft that does not parse cannot be saved). */
  canSave: boolean;
  onSave: () => void;
  onRevert: () => void;
};

/** Whether the draft is saved, with Save (or Ctrl/Cmd+S) and Revert: in the editor's bar, so both views have them. */
export function DraftStatus({ readOnly, dirty, saving, canSave, onSave, onRevert }: Props) {
  return (
    <div className="flex items-center gap-2">
      <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="draft-state" role="status">
        {readOnly ? "Read-only: you have view access." : dirty ? "Unsaved changes" : "Saved"}
      </p>
      {!readOnly && (
        <>
          <Button variant="ghost" size="sm" onClick={onRevert} disabled={!dirty || saving}>
            Revert
          </Button>
          <Button size="sm" onClick={onSave} pending={saving} disabled={!dirty || !canSave}>
            Save draft
          </Button>
        </>
      )}
    </div>
  );
}
