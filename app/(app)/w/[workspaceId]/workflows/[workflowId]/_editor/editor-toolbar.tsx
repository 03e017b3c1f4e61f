"use client";
import type { ReactNode } from "react";
import { DuplicateIcon, NoteIcon, RedoIcon, TidyIcon, TrashIcon, UndoIcon } from "@/app/_components/icons";

type Props = {
  /** A viewer: nothing here edits, so only the shortcuts sheet is offered (no buttons that only look disabled). */
  readOnly: boolean;
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
};

/**
 * The canvas's buttons: the same commands as its keyboard shortcuts, for mouse and touch. Icons with their names
 * (and shortcuts) as accessible names and tooltips, so the editor's bar fits one row at 1280 px.
 */
export function EditorToolbar({ readOnly, canEdit, canUndo, canRedo, hasSelection, onUndo, onRedo, onDelete, onDuplicate, onTidy, onAddNote, onShortcuts }: Props) {
  return (
    <div role="toolbar" aria-label="Canvas" className="flex items-center gap-0.5">
      {!readOnly && (
        <>
          <ToolButton label="Undo" shortcut="Ctrl/Cmd+Z" onClick={onUndo} disabled={!canUndo} icon={<UndoIcon />} />
          <ToolButton label="Redo" shortcut="Ctrl/Cmd+Shift+Z" onClick={onRedo} disabled={!canRedo} icon={<RedoIcon />} />
          <span aria-hidden className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" />
          <ToolButton label="Duplicate" shortcut="Ctrl/Cmd+D" onClick={onDuplicate} disabled={!canEdit || !hasSelection} icon={<DuplicateIcon />} />
          <ToolButton label="Delete" shortcut="Delete" onClick={onDelete} disabled={!canEdit || !hasSelection} icon={<TrashIcon />} />
          <ToolButton label="Tidy up" hint="lay the steps out left to right" onClick={onTidy} disabled={!canEdit} icon={<TidyIcon />} />
          <ToolButton label="Add note" hint="a sticky note (Markdown) in the middle of the view" onClick={onAddNote} disabled={!canEdit} icon={<NoteIcon />} />
        </>
      )}
      <ToolButton label="Keyboard shortcuts" shortcut="?" onClick={onShortcuts} icon={<span className="text-sm font-semibold">?</span>} />
    </div>
  );
}

export function ToolButton({ label, shortcut, hint, onClick, disabled, icon }: { label: string; shortcut?: string; hint?: string; onClick: () => void; disabled?: boolean; icon: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={`${label}${hint ? `: ${hint}` : ""}${shortcut ? ` (${shortcut})` : ""}`}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex size-8 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:text-zinc-300 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800 dark:disabled:text-zinc-600"
    >
      {icon}
    </button>
  );
}
