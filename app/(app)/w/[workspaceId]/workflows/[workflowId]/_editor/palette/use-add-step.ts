"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { addStepOp, type Where } from "@/app/_lib/graph-edit/add-step";
import { paletteEntries, type PaletteEntry } from "@/app/_lib/graph-edit/palette";
import { useTRPC } from "@/app/_trpc/react";
import type { DraftEditor } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_editor/use-draft-editor";

/**
 * What the palette offers (built-ins and the workspace's catalog) and adding one of its entries to the draft as
 * one undoable edit; the new step is selected, so its configuration opens beside the canvas.
 */
export function useAddStep(draft: DraftEditor, setSelection: (ids: string[]) => void) {
  const trpc = useTRPC();
  const catalog = useQuery(trpc.integration.catalog.queryOptions({ workspaceId: draft.ids.workspaceId }));
  const entries = useMemo(() => paletteEntries(catalog.data ?? []), [catalog.data]);
  const byKey = useMemo(() => new Map(entries.map((e) => [e.key, e])), [entries]);
  const { state, dispatch, edit } = draft;

  const add = (entry: PaletteEntry, where: Where) => {
    if (!draft.canEdit) return;
    // No editable document (the JSON does not parse): the edit itself says why.
    if (!state.doc || state.problem) return edit(() => null);
    const r = addStepOp(state.doc, entry, where);
    if (!r.ok) return dispatch({ type: "notice", text: r.error });
    // Built against this render's draft; if the draft moved on meanwhile, applying it reports a conflict instead.
    edit(() => r.op);
    setSelection([r.id]);
  };
  const addByKey = (key: string, where: Where) => {
    const entry = byKey.get(key);
    if (entry) add(entry, where);
  };
  return { entries, loading: catalog.isPending, add, addByKey };
}
