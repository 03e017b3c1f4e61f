"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type Dispatch } from "react";
import { useToast } from "@/app/_components/toast";
import type { SaveFailure } from "@/app/_lib/autosave/machine";
import { toDoc } from "@/app/_lib/graph-edit/doc";
import { serializeHistory } from "@/app/_lib/graph-edit/history";
import { mergeDocs, type MergeResult } from "@/app/_lib/graph-edit/merge";
import { codeOf, messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import type { DraftAction, DraftState } from "./draft-document";
import { useAutosave, type SaveOutcome } from "./use-autosave";
import { useDraftBackup } from "./use-draft-backup";

/** A stale save's merge waiting for the person's choice, with the revision it was merged against. */
export type PendingMerge = { result: MergeResult; revision: number; value: unknown; history: unknown };

/** Server answers worth retrying (it may work next time); any other refusal waits for the next edit. */
const RETRYABLE = new Set(["INTERNAL_SERVER_ERROR", "TIMEOUT", "TOO_MANY_REQUESTS", "BAD_GATEWAY", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT", "CLIENT_CLOSED_REQUEST"]);

/** Focus is in a place that takes text: what the person types there must not be replaced under them. */
function isTyping(el: Element | null): boolean {
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(el.type);
}

const problemsNote = (n: number) => (n === 0 ? "Draft saved" : `Draft saved with ${n} problem${n === 1 ? "" : "s"} to fix before publishing`);

type Options = {
  state: DraftState;
  dispatch: Dispatch<DraftAction>;
  ids: { workspaceId: string; workflowId: string };
  canEdit: boolean;
  /** Problems of the saved draft, for the answer to an explicit save of a draft that is saved already. */
  savedProblems: number;
};

/**
 * The editor's saving: the draft is saved by itself shortly after each edit (use-autosave.ts), with Ctrl/Cmd+S
 * and the Save button as "save now". A save met by a newer revision (another tab or member saved) is merged
 * per step with it at once when the two touch different steps; otherwise the merge dialog asks. Unsaved edits
 * are also kept in this browser (use-draft-backup.ts) and offered back after a reload.
 */
export function useDraftAutosave({ state, dispatch, ids, canEdit, savedProblems }: Options) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [merge, setMerge] = useState<PendingMerge | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mutation = useMutation(trpc.workflow.saveDraft.mutationOptions());
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  // Set by an explicit save: its result is announced; an autosave's only shows in the indicator.
  const announce = useRef(false);
  const getKey = trpc.workflow.get.queryKey(ids);
  const fetchLatest = () => queryClient.fetchQuery({ ...trpc.workflow.get.queryOptions(ids), staleTime: 0 });

  /** Merges this tab's edits with the newer revision: at once when they touch different steps. */
  async function mergeWithLatest(): Promise<SaveFailure> {
    const fresh = await fetchLatest();
    const s = stateRef.current;
    const theirs = toDoc(fresh.draftGraph);
    const base = toDoc(s.base.value);
    // Not a graph on one side (a draft being fixed in the JSON): the conflict message offers to load theirs.
    if (!s.doc || s.problem || !theirs.ok || !base.ok) return { kind: "refused", message: "Someone else saved this draft meanwhile. Load their version, or save yours again to merge once the JSON is fixed." };
    const result = mergeDocs(base.doc, s.doc, theirs.doc);
    if (result.conflicts.length > 0) {
      setMerge({ result, revision: fresh.draftRevision, value: fresh.draftGraph, history: fresh.draftHistory });
      return { kind: "conflict", merged: false };
    }
    dispatch({ type: "rebase", merged: result.merged, revision: fresh.draftRevision, value: fresh.draftGraph, now: Date.now() });
    toast.show("Someone else saved this draft meanwhile; your changes touch other steps, so both were kept.", "success");
    setError(null);
    return { kind: "conflict", merged: true };
  }

  async function save(): Promise<SaveOutcome> {
    const s = stateRef.current;
    let graph: unknown;
    try {
      graph = JSON.parse(s.text);
    } catch {
      return { ok: false, failure: { kind: "refused", message: "The JSON does not parse." } };
    }
    const history = s.problem ? null : serializeHistory(s.history);
    try {
      const saved = await mutation.mutateAsync({ ...ids, draftRevision: s.base.revision, graph, history });
      setError(null);
      // null: stored exactly as sent (the server fills in no defaults it did not have).
      const stored = saved.draftGraph ?? graph;
      // The page's copy of the workflow follows (its problems list, Run and Publish), unless it is newer already.
      queryClient.setQueryData(getKey, (old) =>
        old && old.draftRevision < saved.draftRevision ? { ...old, draftGraph: stored, draftRevision: saved.draftRevision, draftHistory: history, draftProblems: saved.problems } : old,
      );
      // Typing (in the JSON or any field of the step panel): leave the draft alone. The server's tidying (defaults,
      // a trimmed cron) would move the cursor or eat a space typed a moment ago; it shows with a later save.
      dispatch({ type: "saved", value: stored, revision: saved.draftRevision, sentText: s.text, adopt: !isTyping(document.activeElement) });
      if (saved.historyNote) toast.show(saved.historyNote, "error");
      else if (announce.current) toast.show(problemsNote(saved.problems.length), "success");
      announce.current = false;
      return { ok: true };
    } catch (e) {
      setError(e);
      const code = codeOf(e);
      if (code === "CONFLICT") return { ok: false, failure: await mergeWithLatest().catch((): SaveFailure => ({ kind: "network" })) };
      if (code === undefined) return { ok: false, failure: { kind: "network" } };
      if (RETRYABLE.has(code)) return { ok: false, failure: { kind: "error", message: messageOf(e) } };
      return { ok: false, failure: { kind: "refused", message: messageOf(e) } };
    }
  }

  const autosave = useAutosave({ enabled: canEdit, text: state.text, savedText: state.base.text, blocked: state.parses ? null : state.problem, save });
  const backup = useDraftBackup(ids.workflowId, state.text, state.base, canEdit);

  return {
    ...autosave,
    error,
    merge,
    /** Ctrl/Cmd+S and the Save button: save at once; said out loud when done. */
    saveNow: () => {
      if (!autosave.pending) {
        toast.show(problemsNote(savedProblems), "success");
        return;
      }
      announce.current = true;
      autosave.saveNow();
    },
    /** The person chose in the merge dialog (their merge applied, or their version taken). */
    closeMerge: (chosen: boolean) => {
      setMerge(null);
      if (chosen) {
        setError(null);
        autosave.resolved();
      }
    },
    backup: {
      offer: backup.offer,
      discard: backup.discard,
      restore: () => {
        const b = backup.offer;
        if (!b) return;
        // Made on an older revision: load that one first, so the save meets the newer one and merges per step.
        if (b.revision !== stateRef.current.base.revision) {
          let value: unknown;
          try {
            value = JSON.parse(b.baseText);
          } catch {
            value = null;
          }
          if (value !== null) dispatch({ type: "load", value, revision: b.revision, history: null });
        }
        dispatch({ type: "typed", text: b.text, now: Date.now() });
        backup.accept();
      },
    },
  };
}
