"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useToast } from "@/app/_components/toast";
import type { Doc } from "@/app/_lib/graph-edit/doc";
import type { Op } from "@/app/_lib/graph-edit/ops";
import { keepUnchanged, problemsByNode, splitIssues, type IssuesByNode } from "@/app/_lib/graph-issues";
import { fieldErrorsOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { looseGraph, type LooseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";
import { draftReducer, initialDraft } from "./draft-document";
import { useDraftAutosave } from "./use-draft-autosave";
import { useUnsavedGuard } from "./use-unsaved-guard";

export type EditBuild = (doc: Doc) => Op | null | { error: string };

/**
 * The draft being edited and everything that changes it: the reducer (see draft-document.ts), autosave with the
 * optimistic revision check and the per-step merge a stale save starts (use-draft-autosave.ts), and following
 * another tab's save when nothing here is unsaved. The editor's components read from this and edit only
 * through `edit`.
 */
export function useDraftEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ws = useWorkspace();
  const { workflow, setDirty } = useWorkflowPage();
  const [state, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(workflow.draftGraph, workflow.draftRevision, workflow.draftHistory));
  const [lastGood, setLastGood] = useState<LooseGraph>(() => looseGraph(workflow.draftGraph));
  const fromDoc = useMemo(() => (state.doc && !state.problem ? looseGraph(state.doc) : null), [state.doc, state.problem]);
  // While the text does not parse, the canvas keeps showing the last graph that did.
  if (fromDoc && fromDoc !== lastGood) setLastGood(fromDoc);
  const graph = fromDoc ?? lastGood;
  const dirty = state.text !== state.base.text;
  const editable = ws.canEdit && state.problem === null;
  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  // Saved by itself after each edit; Ctrl/Cmd+S and Save draft save at once.
  const save = useDraftAutosave({ state, dispatch, ids, canEdit: ws.canEdit, savedProblems: workflow.draftProblems.length });
  const merge = save.merge;

  // Someone else saved (the workflow query refetched with a newer draft) and we have nothing unsaved: follow it.
  // Only newer: right after our own save lands, a render can still see the page's copy of the workflow from before
  // it; loading that older draft (and then ours again) reverted the edit for a moment and remounted the step
  // panel's forms, closing menus and dialogs and eating what was being typed.
  if (workflow.draftRevision > state.base.revision && !dirty && !merge) {
    dispatch({ type: "load", value: workflow.draftGraph, revision: workflow.draftRevision, history: workflow.draftHistory });
  }

  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  useUnsavedGuard(dirty);
  // Each notice once: the reducer makes a new notice object only for a new message.
  const notice = state.notice;
  useEffect(() => {
    if (notice) toast.show(notice.text, notice.tone);
  }, [notice, toast]);

  const fetchLatest = () => queryClient.fetchQuery({ ...trpc.workflow.get.queryOptions(ids), staleTime: 0 });
  // Save now (Ctrl/Cmd+S, Save draft): anything that parses; an already saved draft just says so.
  const canSave = ws.canEdit && state.parses;
  const onSave = () => canSave && save.saveNow();
  const onRevert = () => dispatch({ type: "load", value: state.base.value, revision: state.base.revision, history: null });
  const reloadLatest = async () => {
    const fresh = await fetchLatest();
    dispatch({ type: "load", value: fresh.draftGraph, revision: fresh.draftRevision, history: fresh.draftHistory });
    save.closeMerge(true);
  };
  const applyMerge = (merged: Doc) => {
    if (!merge) return;
    dispatch({ type: "rebase", merged, revision: merge.revision, value: merge.value, now: Date.now() });
    save.closeMerge(true);
  };

  /** Every edit of the draft: one operation (or a reason it cannot be made), recorded for undo. */
  const edit = (build: EditBuild, options: { key?: string; done?: string } = {}) => {
    if (!ws.canEdit) return;
    dispatch({ type: "edit", build, now: Date.now(), ...options });
  };

  // A save the server refused (or met a newer revision) is explained above the views; one it retries shows in the status only.
  const refusal = save.status === "error" || save.status === "conflict" ? save.error : null;
  const fieldErrors = fieldErrorsOf(refusal);
  // The saved draft's problems (they block publishing), and a refused save's errors (a graph that cannot be stored).
  const lastByNode = useRef<IssuesByNode | null>(null);
  const byNode = useMemo(() => {
    const merged = problemsByNode(workflow.draftProblems);
    for (const [id, issues] of splitIssues(fieldErrors).byNode) merged.set(id, [...(merged.get(id) ?? []), ...issues]);
    return (lastByNode.current = keepUnchanged(lastByNode.current, merged));
  }, [workflow.draftProblems, fieldErrors]);

  return { state, dispatch, graph, dirty, editable, canEdit: ws.canEdit, ids, edit, save, refusal, canSave, onSave, onRevert, reloadLatest, merge, applyMerge, fieldErrors, byNode };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
