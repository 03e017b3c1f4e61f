"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useState } from "react";
import { useToast } from "@/app/_components/toast";
import { toDoc, type Doc } from "@/app/_lib/graph-edit/doc";
import { serializeHistory } from "@/app/_lib/graph-edit/history";
import { mergeDocs, type MergeResult } from "@/app/_lib/graph-edit/merge";
import type { Op } from "@/app/_lib/graph-edit/ops";
import { problemsByNode, splitIssues } from "@/app/_lib/graph-issues";
import { codeOf, fieldErrorsOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { looseGraph, type LooseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";
import { draftReducer, initialDraft } from "./draft-document";
import { useUnsavedGuard } from "./use-unsaved-guard";

export type EditBuild = (doc: Doc) => Op | null | { error: string };
export type PendingMerge = { result: MergeResult; revision: number; value: unknown; history: unknown };

/**
 * The draft being edited and everything that changes it: the reducer (see draft-document.ts), saving with the
 * optimistic revision check, following another tab's save when nothing here is unsaved, and the per-step merge
 * a stale save starts. The editor's components read from this and edit only through `edit`.
 */
export function useDraftEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const ws = useWorkspace();
  const { workflow, setDirty } = useWorkflowPage();
  const [state, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(workflow.draftGraph, workflow.draftRevision, workflow.draftHistory));
  const [merge, setMerge] = useState<PendingMerge | null>(null);
  const [lastGood, setLastGood] = useState<LooseGraph>(() => looseGraph(workflow.draftGraph));
  const fromDoc = useMemo(() => (state.doc && !state.problem ? looseGraph(state.doc) : null), [state.doc, state.problem]);
  // While the text does not parse, the canvas keeps showing the last graph that did.
  if (fromDoc && fromDoc !== lastGood) setLastGood(fromDoc);
  const graph = fromDoc ?? lastGood;
  const dirty = state.text !== state.base.text;
  const editable = ws.canEdit && state.problem === null;

  // Someone else saved (the workflow query refetched with a new draft) and we have nothing unsaved: follow it.
  if (workflow.draftRevision !== state.base.revision && !dirty && !merge) {
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

  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const fetchLatest = () => queryClient.fetchQuery({ ...trpc.workflow.get.queryOptions(ids), staleTime: 0 });
  const save = useMutation(
    trpc.workflow.saveDraft.mutationOptions({
      onSuccess: async (saved) => {
        // A draft with problems is saved all the same; publishing waits until they are fixed.
        const problems = saved.problems.length;
        const note = problems === 0 ? "Draft saved" : `Draft saved with ${problems} problem${problems === 1 ? "" : "s"} to fix before publishing`;
        toast.show(saved.historyNote ?? note, saved.historyNote ? "error" : "success");
        const fresh = await fetchLatest();
        dispatch({ type: "saved", value: fresh.draftGraph, revision: fresh.draftRevision });
      },
      onError: async (error) => {
        // A stale revision: merge with what was saved, per step, and ask about steps both sides changed.
        if (codeOf(error) !== "CONFLICT" || !state.doc || state.problem) return;
        const fresh = await fetchLatest();
        const theirs = toDoc(fresh.draftGraph);
        const base = toDoc(state.base.value);
        if (!theirs.ok || !base.ok) return;
        setMerge({ result: mergeDocs(base.doc, state.doc, theirs.doc), revision: fresh.draftRevision, value: fresh.draftGraph, history: fresh.draftHistory });
      },
    }),
  );
  const canSave = ws.canEdit && dirty && !save.isPending && state.parses;
  const onSave = () => {
    let value: unknown;
    try {
      value = JSON.parse(state.text);
    } catch {
      return;
    }
    save.mutate({ ...ids, draftRevision: state.base.revision, graph: value, history: state.problem ? null : serializeHistory(state.history) });
  };
  const onRevert = () => {
    dispatch({ type: "load", value: state.base.value, revision: state.base.revision, history: null });
    save.reset();
  };
  const reloadLatest = async () => {
    const fresh = await fetchLatest();
    dispatch({ type: "load", value: fresh.draftGraph, revision: fresh.draftRevision, history: fresh.draftHistory });
    setMerge(null);
    save.reset();
  };
  const applyMerge = (merged: Doc) => {
    if (!merge) return;
    dispatch({ type: "rebase", merged, revision: merge.revision, value: merge.value, now: Date.now() });
    setMerge(null);
    save.reset();
  };

  /** Every edit of the draft: one operation (or a reason it cannot be made), recorded for undo. */
  const edit = (build: EditBuild, options: { key?: string; done?: string } = {}) => {
    if (!ws.canEdit) return;
    dispatch({ type: "edit", build, now: Date.now(), ...options });
  };

  const fieldErrors = fieldErrorsOf(save.error);
  // The saved draft's problems (they block publishing), and a refused save's errors (a graph that cannot be stored).
  const byNode = useMemo(() => {
    const merged = problemsByNode(workflow.draftProblems);
    for (const [id, issues] of splitIssues(fieldErrors).byNode) merged.set(id, [...(merged.get(id) ?? []), ...issues]);
    return merged;
  }, [workflow.draftProblems, fieldErrors]);

  return { state, dispatch, graph, dirty, editable, canEdit: ws.canEdit, ids, edit, save, canSave, onSave, onRevert, reloadLatest, merge, setMerge, applyMerge, fieldErrors, byNode };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
