"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ArrowLeftIcon } from "@/app/_components/icons";
import { RelativeTime } from "@/app/_components/relative-time";
import { elapsed, formatDuration } from "@/app/_lib/duration";
import { useNow } from "@/app/_lib/time";
import type { RouterOutputs } from "@/app/_lib/types";
import { useTRPC } from "@/app/_trpc/react";
import { GraphCanvas } from "@/app/(app)/w/[workspaceId]/_graph/graph-canvas";
import { looseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { shortRunId, triggerLabel, versionLabel } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import { isLive, RunStatusBadge } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { nodeStates } from "@/app/(app)/w/[workspaceId]/_runs/step-states";
import { CompareLinks } from "./compare-links";
import { RunActions } from "./run-actions";
import { StepList } from "./step-list";

export type RunDetail = RouterOutputs["run"]["get"];

// Fast enough to watch a step finish, slow enough for a 2-core server to shrug off a few open tabs.
const POLL_MS = 1000;

/** A run as it happens: polls while queued or running, and stops by itself when the run ends. */
export function RunView({ initial }: { initial: RunDetail }) {
  const trpc = useTRPC();
  const now = useNow();
  const { data: run } = useQuery({
    ...trpc.run.get.queryOptions({ workspaceId: initial.workspaceId, runId: initial.id }),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && isLive(q.state.data.status) ? POLL_MS : false),
  });
  const [selected, setSelected] = useState<string | null>(null);
  // A run whose first node is a control node (a delay, say) can have steps under way before the engine marks
  // the run itself running: what is happening is what the page shows.
  const status = run.status === "queued" && run.steps.length > 0 ? "running" : run.status;
  const graph = useMemo(() => looseGraph(run.graph), [run.graph]);
  const states = useMemo(() => {
    const s = nodeStates(run.steps, run.reused, run.pinned);
    // The trigger has no step row: it fired if the run started at all.
    const trigger = graph.nodes.find((n) => n.kind === "trigger");
    if (trigger && (run.startedAt || run.steps.length > 0) && !s.has(trigger.id)) s.set(trigger.id, run.fixtureName ? "pinned" : "succeeded");
    return s;
  }, [run.steps, run.reused, run.pinned, run.fixtureName, run.startedAt, graph]);
  const ms = elapsed(run.startedAt, run.finishedAt, now);
  // The steps whose last attempt failed (a failure retried into success is no error of the run).
  const failedSteps = useMemo(() => {
    const last = new Map<string, string>();
    for (const s of [...run.steps].sort((a, b) => a.attempt - b.attempt)) last.set(s.stepKey, s.status);
    return [...last].filter(([, status]) => status === "failed").map(([key]) => key);
  }, [run.steps]);
  const error = run.error as { message?: string; nodeId?: string } | null;
  const base = `/w/${run.workspaceId}`;

  return (
    <div className="space-y-5">
      <Link href={`${base}/workflows/${run.workflowId}/runs`} className="inline-flex items-center gap-1.5 rounded text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
        <ArrowLeftIcon className="size-4" /> Runs of {run.workflowName}
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">
              Run <span className="font-mono">{shortRunId(run.id)}</span>
            </h1>
            <RunStatusBadge status={status} />
          </div>
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <Meta label="Workflow">
              <Link href={`${base}/workflows/${run.workflowId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                {run.workflowName}
              </Link>
            </Meta>
            <Meta label="Version">
              <span data-testid="run-meta-version">{versionLabel(run.versionNumber)}</span>
            </Meta>
            <Meta label="Trigger">{triggerLabel((run.trigger as { kind?: string } | null)?.kind, run.retryMode)}</Meta>
            <Meta label="Started">{run.startedAt ? <RelativeTime date={run.startedAt} /> : "Not yet"}</Meta>
            <Meta label="Duration">
              <span data-testid="run-duration">{ms === null ? "—" : formatDuration(ms)}</span>
            </Meta>
            {run.retryOf && (
              <Meta label="Retry of">
                <Link href={`${base}/runs/${run.retryOf}`} className="font-mono text-indigo-700 hover:underline dark:text-indigo-300">
                  {shortRunId(run.retryOf)}
                </Link>
              </Meta>
            )}
          </dl>
        </div>
        <RunActions run={run} status={status} />
      </div>
      {run.testScope != null && <TestDataNote fixtureName={run.fixtureName} pinned={run.pinned.map((p) => p.stepKey)} />}
      {error?.message && (
        <div role="alert" data-testid="run-error" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          <span className="font-medium">{error.nodeId ? `Failed at ${error.nodeId}: ` : "Failed: "}</span>
          {error.message}
        </div>
      )}
      {!isLive(status) && <CompareLinks run={run} />}
      {run.status === "succeeded_with_errors" && (
        <div role="status" data-testid="run-errors-note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
          <span className="font-medium">Succeeded with errors: </span>
          {failedSteps.length === 1 ? `step ${failedSteps[0]} failed` : `steps ${failedSteps.join(", ")} failed`} and the run went on, as
          {failedSteps.length === 1 ? " it is set to continue on error. Its output holds the error." : " they are set to continue on error. Their outputs hold the errors."}
        </div>
      )}
      {graph.nodes.length > 0 && <GraphCanvas graph={graph} states={states} dimUnreached={!isLive(status)} selectedId={selected} onSelect={setSelected} label="Run graph" className="h-[360px]" />}
      <StepList run={run} selectedNode={selected} onSelectNode={setSelected} />
    </div>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium text-zinc-800 dark:text-zinc-200">{children}</dd>
    </div>
  );
}

/** An editor test run says so, and which of what it shows is test data rather than something that really ran. */
function TestDataNote({ fixtureName, pinned }: { fixtureName: string | null; pinned: string[] }) {
  return (
    <p role="note" data-testid="test-data-note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      A test run of the draft from the editor{fixtureName ? `, with test fixture "${fixtureName}" as its trigger data` : ""}. Not a production run.
      {pinned.length > 0 && ` Test data stood in for ${pinned.join(", ")}: ${pinned.length === 1 ? "that step" : "those steps"} did not run.`}
    </p>
  );
}
