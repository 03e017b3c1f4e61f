"use client";
import { copySelection, parseSelection, pasteSelection, selectionText } from "@/app/_lib/graph-edit/clipboard";
import { removeNotesOp } from "@/app/_lib/graph-edit/notes";
import { batch, moveNodesOp, removeNodesOp, removeSelectionOp, type Op } from "@/app/_lib/graph-edit/ops";
import { layoutGraph, type Point } from "@/app/(app)/w/[workspaceId]/_graph/graph-layout";
import type { ExtraSelection } from "./use-canvas-editing";
import type { CanvasCommands } from "./use-canvas-shortcuts";
import type { DraftEditor } from "./use-draft-editor";

type Args = {
  draft: DraftEditor;
  selected: ReadonlySet<string>;
  /** Edges and sticky notes selected on the canvas: deleted with the steps. */
  extras?: ExtraSelection;
  clearExtras?: () => void;
  setSelection: (ids: string[]) => void;
  fitView: () => void;
  showShortcuts: () => void;
};

/** The editor's commands, one definition for the keyboard shortcuts, the toolbar and the canvas. */
export function useEditorCommands({ draft, selected, extras, clearExtras, setSelection, fitView, showShortcuts }: Args) {
  const { state, dispatch, edit, canEdit, graph } = draft;
  const pasteText = (text: string) => {
    if (!canEdit) return;
    const parsed = parseSelection(text);
    if (!parsed.ok) return dispatch({ type: "notice", text: parsed.error });
    if (!state.doc || state.problem) return edit(() => null);
    const p = pasteSelection(state.doc, parsed.selection);
    if (!p.ok) return dispatch({ type: "notice", text: p.error });
    // Built against this render's draft; if the draft moved on meanwhile, applying it reports a conflict instead.
    edit(() => p.op);
    if (p.notes.length) dispatch({ type: "notice", text: p.notes.join(" ") });
    setSelection(p.ids);
  };
  const copyOf = (ids: ReadonlySet<string>) => (state.doc && ids.size ? selectionText(copySelection(state.doc, ids)) : null);
  const copyText = () => copyOf(selected);
  const duplicateIds = (ids: ReadonlySet<string>) => {
    const text = copyOf(ids);
    if (text) pasteText(text);
  };
  // Steps, edges and notes selected are deleted as one edit (one undo brings them all back).
  const remove = () => {
    edit((doc) => {
      const ops = [removeSelectionOp(doc, selected, extras?.edges ?? []), extras?.notes.size ? removeNotesOp(doc, extras.notes) : null].filter((op): op is Op => op !== null);
      return ops.length > 1 ? batch("Delete", ops) : (ops[0] ?? null);
    });
    clearExtras?.();
  };
  const commands = {
    undo: () => canEdit && dispatch({ type: "undo" }),
    redo: () => canEdit && dispatch({ type: "redo" }),
    copyText,
    cut: remove,
    paste: pasteText,
    duplicate: () => duplicateIds(selected),
    remove,
    /** From a step's menu: that step, whatever else is selected. */
    duplicateStep: (id: string) => duplicateIds(new Set([id])),
    removeStep: (id: string) => edit((doc) => removeNodesOp(doc, [id])),
    selectAll: () => setSelection(graph.nodes.map((n) => n.id)),
    save: () => draft.canSave && draft.onSave(),
    fitView,
    showShortcuts,
    move: (positions: Map<string, Point>) => edit((doc) => moveNodesOp(doc, positions)),
    tidyUp: () => edit((doc) => moveNodesOp(doc, layoutGraph(doc.nodes, doc.edges)), { done: "Tidied up" }),
  } satisfies CanvasCommands & Record<string, unknown>;
  return commands;
}
