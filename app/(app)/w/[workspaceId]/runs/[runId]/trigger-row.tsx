"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/app/_components/button";
import { useToast } from "@/app/_components/toast";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { shortRunId, triggerLabel } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import { StepStateBadge } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { Json } from "./step-detail";
import type { RunDetail } from "./run-view";

/**
 * The trigger as the run's first step: what arrived (a webhook's body, query and kept headers; a schedule's time;
 * a manual run's input) is its output, shown in the same viewer as every step's, since mappings read it as
 * `trigger.…`. An editor can keep it as a named test fixture for the editor's test runs.
 */
export function TriggerRow({ run, nodeId, expanded, onToggle }: { run: RunDetail; nodeId: string; expanded: boolean; onToggle: () => void }) {
  const trpc = useTRPC();
  const ws = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  const name = `Run ${shortRunId(run.id)}`;
  const save = useMutation(
    trpc.fixture.create.mutationOptions({
      onSuccess: () => {
        toast.show(`Saved as test data "${name}": the editor's test runs can use it`);
        void queryClient.invalidateQueries({ queryKey: trpc.fixture.list.queryKey({ workspaceId: run.workspaceId, workflowId: run.workflowId }) });
      },
      onError: (e) => toast.show(messageOf(e), "error"),
    }),
  );
  const cut = run.truncated.trigger;
  return (
    <li data-testid={`step-${nodeId}`} data-state="succeeded">
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls="step-detail-trigger"
        onClick={onToggle}
        className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-900/60"
      >
        <svg viewBox="0 0 20 20" aria-hidden className={`size-4 shrink-0 text-zinc-400 transition-transform ${expanded ? "rotate-90" : ""}`} fill="currentColor">
          <path d="M7 5l6 5-6 5z" />
        </svg>
        <span className="font-mono text-sm font-medium">{nodeId}</span>
        <span className="rounded bg-zinc-100 px-1.5 py-px text-[10px] font-semibold uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">trigger</span>
        <StepStateBadge state="succeeded" />
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{triggerLabel((run.trigger as { kind?: string } | null)?.kind, null)}</span>
      </button>
      {expanded && (
        <div id="step-detail-trigger" data-testid="step-detail" className="space-y-4 border-t border-zinc-200 bg-zinc-50/60 px-4 py-4 dark:border-zinc-800 dark:bg-zinc-950/40">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              What started this run. Steps read it as <code className="font-mono text-xs">{"{{ trigger.body.… }}"}</code>.
            </p>
            {ws.canEdit && !cut && (
              <Button size="sm" variant="secondary" pending={save.isPending} onClick={() => save.mutate({ workspaceId: run.workspaceId, workflowId: run.workflowId, name, from: { kind: "run", runId: run.id } })}>
                Use as test data
              </Button>
            )}
          </div>
          <Json title="Output" value={run.trigger} testId="step-output" cut={cut ? { bytes: cut.bytes, depth: cut.depth } : undefined} />
        </div>
      )}
    </li>
  );
}
