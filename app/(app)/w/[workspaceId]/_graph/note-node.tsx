"use client";
import { NodeResizeControl, type Node, type NodeProps } from "@xyflow/react";
import { createContext, memo, useCallback, useContext, useEffect, useRef, useState } from "react";
import { NOTE_HEIGHT, NOTE_WIDTH, type NotePatch } from "@/app/_lib/graph-edit/notes";
import { Markdown } from "@/app/_lib/markdown/markdown";
import type { LooseNote } from "./loose-graph";

export type NoteNodeData = { note: LooseNote; editable: boolean; editing: boolean };
export type NoteFlowNode = Node<NoteNodeData, "note">;

/** Flow ids of notes are prefixed: a note and a step may share an id ("note" is a valid step id). */
export const NOTE_PREFIX = "note:";
export const MIN_NOTE_WIDTH = 120;
export const MIN_NOTE_HEIGHT = 60;
export const NOTE_DEFAULT_SIZE = { width: NOTE_WIDTH, height: NOTE_HEIGHT };

/** What a note can ask of the canvas; stable for the life of the canvas so notes never re-render for it. */
export const NoteActions = createContext<{ change: (id: string, patch: NotePatch) => void; remove: (id: string) => void; edit: (id: string | null) => void } | null>(null);

/**
 * A sticky note: its Markdown rendered (safely: app/_lib/markdown), edited as text in place (double-click,
 * Enter, or the Edit button; Escape or leaving the text ends editing), resized from its corner. Each finished
 * edit is one undoable change of the draft's notes.
 */
export const NoteNode = memo(function NoteNode({ data }: NodeProps<NoteFlowNode>) {
  const { note, editable, editing } = data;
  const actions = useContext(NoteActions);
  const [text, setText] = useState(note.text);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [wasEditing, setWasEditing] = useState(editing);
  // Entering edit mode starts from the note's current text.
  if (editing !== wasEditing) {
    setWasEditing(editing);
    if (editing) setText(note.text);
  }
  const width = size?.width ?? note.width ?? NOTE_DEFAULT_SIZE.width;
  const height = size?.height ?? note.height ?? NOTE_DEFAULT_SIZE.height;
  // Stable, so the resize control keeps its drag handler for the whole gesture (it is rebuilt when these change).
  const onResize = useCallback((_: unknown, p: { width: number; height: number }) => setSize({ width: p.width, height: p.height }), []);
  const onResizeEnd = useCallback(
    (_: unknown, p: { width: number; height: number }) => {
      setSize(null);
      actions?.change(note.id, { width: p.width, height: p.height });
    },
    [actions, note.id],
  );
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing) return;
    // React Flow shows a new node only once it has measured it (hidden until then, where focus() does nothing):
    // try again each frame until the text takes focus, for a few frames at most.
    let frame = 0;
    let id = 0;
    const tryFocus = () => {
      const el = textRef.current;
      if (!el || document.activeElement === el) return;
      el.focus();
      if (document.activeElement !== el && ++frame < 30) id = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(id);
  }, [editing]);
  const finish = () => {
    if (text !== note.text) actions?.change(note.id, { text });
    actions?.edit(null);
  };
  return (
    <div
      data-testid={`note-${note.id}`}
      style={{ width, height }}
      className="flex flex-col overflow-hidden rounded-md border border-amber-300 bg-amber-50 text-left text-xs text-zinc-800 shadow-sm dark:border-amber-700/70 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="flex items-center justify-between gap-1 border-b border-amber-200 px-2 py-0.5 text-[10px] font-semibold tracking-wide text-amber-800 uppercase dark:border-amber-800 dark:text-amber-300">
        <span>Note</span>
        {editable && actions && !editing && (
          <span className="flex gap-1">
            <button type="button" className="nodrag rounded px-1 normal-case hover:bg-amber-200 dark:hover:bg-amber-800" onClick={() => actions.edit(note.id)} aria-label="Edit note">
              Edit
            </button>
            <button type="button" className="nodrag rounded px-1 normal-case hover:bg-amber-200 dark:hover:bg-amber-800" onClick={() => actions.remove(note.id)} aria-label="Delete note">
              Delete
            </button>
          </span>
        )}
      </div>
      {editing && editable ? (
        <textarea
          aria-label="Note text (Markdown)"
          className="nodrag nowheel nokey min-h-0 flex-1 resize-none bg-transparent p-2 font-mono text-[11px] leading-snug outline-none"
          ref={textRef}
          value={text}
          maxLength={20_000}
          onChange={(e) => setText(e.target.value)}
          onBlur={finish}
          onKeyDown={(e) => {
            if (e.key === "Escape" || (e.key === "Enter" && (e.ctrlKey || e.metaKey))) {
              e.preventDefault();
              finish();
            }
          }}
        />
      ) : (
        <div className="nowheel min-h-0 flex-1 overflow-auto p-2 leading-snug" onDoubleClick={editable ? () => actions?.edit(note.id) : undefined}>
          {note.text.trim() ? <Markdown text={note.text} /> : <p className="text-amber-800/70 italic dark:text-amber-200/70">Empty note</p>}
        </div>
      )}
      {editable && (
        <NodeResizeControl
          position="bottom-right"
          minWidth={MIN_NOTE_WIDTH}
          minHeight={MIN_NOTE_HEIGHT}
          maxWidth={4000}
          maxHeight={4000}
          className="!size-3 !rounded-sm !border-0 !bg-amber-400/80 dark:!bg-amber-600"
          onResize={onResize}
          onResizeEnd={onResizeEnd}
        />
      )}
    </div>
  );
});
