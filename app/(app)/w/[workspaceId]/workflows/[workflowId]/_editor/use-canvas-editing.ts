"use client";
import { useRef, useState } from "react";
import { addNoteOp, NOTE_HEIGHT, NOTE_WIDTH, removeNotesOp, updateNotesOp, type NotePatch } from "@/app/_lib/graph-edit/notes";
import { connectOp, removeEdgesOp, renameNodeIdOp } from "@/app/_lib/graph-edit/ops";
import type { ConnectRequest } from "@/app/(app)/w/[workspaceId]/_graph/graph-connect";
import type { Point } from "@/app/(app)/w/[workspaceId]/_graph/graph-layout";
import type { DraftEditor } from "./use-draft-editor";

export type ExtraSelection = { edges: ReadonlySet<string>; notes: ReadonlySet<string> };
const NONE: ExtraSelection = { edges: new Set(), notes: new Set() };

/**
 * What the canvas edits besides steps: connections (drawn and removed), sticky notes (added, typed, moved,
 * resized, deleted) and a step's id (renamed with its references). Each is one operation through `edit`, so
 * undoable and stored with the history. The edges and notes selected live here; steps are the page's selection.
 */
export function useCanvasEditing(draft: DraftEditor, setSelection: (ids: string[]) => void) {
  const { state, edit, editable } = draft;
  const [extras, setExtras] = useState<ExtraSelection>(NONE);
  const [editNote, setEditNote] = useState<{ id: string; seq: number } | null>(null);
  const placeNew = useRef<((size: { width: number; height: number }) => Point) | null>(null);

  const addNote = () => {
    if (!state.doc || state.problem) return edit(() => null);
    // In the middle of what is in view (where the person is looking), clear of the steps there; opened for typing.
    const { op, id } = addNoteOp(state.doc, placeNew.current?.({ width: NOTE_WIDTH, height: NOTE_HEIGHT }) ?? { x: 0, y: 0 });
    edit(() => op);
    setEditNote((e) => ({ id, seq: (e?.seq ?? 0) + 1 }));
  };
  const renameStep = (from: string, to: string): string | null => {
    if (!state.doc || state.problem) return "Fix the draft's JSON first.";
    const r = renameNodeIdOp(state.doc, from, to);
    if (!r.ok) return r.error;
    edit(() => r.op);
    setSelection([to]);
    return null;
  };
  const canvasProps = {
    onConnect: editable ? (c: ConnectRequest) => edit((doc) => connectOp(doc, c.source, c.target, c.sourceHandle === "out" ? undefined : c.sourceHandle)) : undefined,
    selectedEdgeIds: extras.edges,
    selectedNoteIds: extras.notes,
    onExtraSelectionChange: (edges: string[], notes: string[]) => setExtras({ edges: new Set(edges), notes: new Set(notes) }),
    onRemoveEdges: editable ? (ids: string[]) => edit((doc) => removeEdgesOp(doc, ids)) : undefined,
    onNotesChange: editable ? (patches: Map<string, NotePatch>) => edit((doc) => updateNotesOp(doc, patches)) : undefined,
    onRemoveNotes: editable ? (ids: string[]) => edit((doc) => removeNotesOp(doc, new Set(ids))) : undefined,
    editNote,
    placeNew,
  };
  return { extras, clearExtras: () => setExtras(NONE), canvasProps, addNote, renameStep: editable ? renameStep : undefined };
}
