"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useToast } from "@/app/_components/toast";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useRefreshWorkflowState } from "./use-refresh-workflow-state";
import { useWorkflowPage } from "./workflow-page-context";

/**
 * Turns the workflow's triggers on and off (the latest published version is what they start). The server
 * refuses with a reason (nothing published, problems in the published version, a trigger that cannot be set up),
 * shown as a toast. The label says what the state means, not just on or off; with nothing published yet the
 * switch waits, saying why.
 */
export function ActiveSwitch() {
  const trpc = useTRPC();
  const toast = useToast();
  const { workflow } = useWorkflowPage();
  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const refresh = useRefreshWorkflowState(ids);
  const toggle = useMutation(
    trpc.workflow.setActive.mutationOptions({
      onSuccess: (r) => toast.show(r.active ? `Active: triggers start version ${r.versionNumber}` : "Inactive: triggers are off"),
      onError: (e) => toast.show(messageOf(e), "error"),
      // The trigger panel changes with it: a schedule's next times, a poller's state, the webhook URL and whether it listens.
      onSettled: refresh,
    }),
  );
  const on = toggle.isPending ? !workflow.active : workflow.active;
  // The publish dialog refreshes this list, so the switch comes alive as the first version is published.
  const versions = useQuery(trpc.workflow.versions.queryOptions(ids));
  const unpublished = versions.data?.length === 0 && !workflow.active;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label="Active"
      disabled={toggle.isPending || unpublished}
      aria-describedby={unpublished ? "active-hint" : undefined}
      onClick={() => toggle.mutate({ ...ids, active: !workflow.active })}
      className="inline-flex items-center gap-2 rounded-md px-1.5 py-1 text-sm font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-60 dark:text-zinc-300"
    >
      <span aria-hidden className={`relative inline-flex h-5 w-9 items-center rounded-full transition-colors ${on ? "bg-emerald-500" : "bg-zinc-300 dark:bg-zinc-700"}`}>
        <span className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${on ? "translate-x-4.5" : "translate-x-0.5"}`} />
      </span>
      <span data-testid="active-state">{on ? "Active — runs on every trigger" : "Inactive"}</span>
      {unpublished && (
        <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
          <span aria-hidden>· </span>
          <span id="active-hint">publish a version to activate</span>
        </span>
      )}
    </button>
  );
}
