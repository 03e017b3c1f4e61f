"use client";
import { Button } from "@/app/_components/button";

type Props = {
  canEdit: boolean;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onDelete: () => void;
  onDuplicate: () => void;
  onTidy: () => void;
  onAddNote: () => void;
  onShortcuts: () => void;
  /** Why the canvas cannot edit the draft as it stands (the JSON panel still can). */
  problem: string | null;
};

/** The canvas's buttons: the same commands as its keyboard shortcuts, for mouse and touch. */
export function EditorToolbar({ canEdit, canUndo, canRedo, hasSelection, onUndo, onRedo, onDelete, onDuplicate, onTidy, onAddNote, onShortcuts, problem }: Props) {
  return (
    <div role="toolbar" aria-label="Canvas" className="flex flex-wrap items-center gap-1.5">
      <Button size="sm" variant="secondary" onClick={onUndo} disabled={!canUndo} title="Undo (Ctrl/Cmd+Z)">
        Undo
      </Button>
      <Button size="sm" variant="secondary" onClick={onRedo} disabled={!canRedo} title="Redo (Ctrl/Cmd+Shift+Z)">
        Redo
      </Button>
      <Button size="sm" variant="ghost" onClick={onDuplicate} disabled={!canEdit || !hasSelection} title="Duplicate (Ctrl/Cmd+D)">
        Duplicate
      </Button>
      <Button size="sm" variant="ghost" onClick={onDelete} disabled={!canEdit || !hasSelection} title="Delete (Delete)">
        Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={onTidy} disabled={!canEdit} title="Lay the steps out left to right">
        Tidy up
      </Button>
      <Button size="sm" variant="ghost" onClick={onAddNote} disabled={!canEdit} title="Add a sticky note (Markdown) in the middle of the view">
        Add note
      </Button>
      <Button size="sm" variant="ghost" onClick={onShortcuts} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </Button>
      {problem && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          The canvas cannot edit this draft until its JSON is fixed: {problem}
        </p>
      )}
    </div>
  );
}
