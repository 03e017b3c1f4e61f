"use client";
import Link from "next/link";
import { RelativeTime } from "@/app/_components/relative-time";
import { Skeleton } from "@/app/_components/spinner";
import { elapsed, formatDuration } from "@/app/_lib/duration";
import { useNow } from "@/app/_lib/time";
import type { RouterOutputs } from "@/app/_lib/types";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { shortRunId, triggerLabel, versionLabel } from "./run-labels";
import { RunStatusBadge } from "./status-badge";

type Run = RouterOutputs["run"]["list"][number];

const th = "px-4 py-2.5 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400";
const td = "px-4 py-3 text-sm whitespace-nowrap";

export function RunsTable({ runs, showWorkflow }: { runs: Run[]; showWorkflow: boolean }) {
  const ws = useWorkspace();
  const now = useNow();
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <table aria-label="Runs" className="min-w-full divide-y divide-zinc-200 dark:divide-zinc-800">
        <thead className="bg-zinc-50 dark:bg-zinc-900/60">
          <tr>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Run</th>
            {showWorkflow && <th scope="col" className={th}>Workflow</th>}
            <th scope="col" className={th}>Version</th>
            <th scope="col" className={th}>Trigger</th>
            <th scope="col" className={th}>Started</th>
            <th scope="col" className={`${th} text-right`}>Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {runs.map((r) => {
            const ms = elapsed(r.startedAt, r.finishedAt, now);
            return (
              <tr key={r.id} data-testid="run-row" data-run-id={r.id} className="relative hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
                <td className={td}>
                  <RunStatusBadge status={r.status} />
                </td>
                <td className={td}>
                  {/* The link's ::after covers the row, so the whole row opens the run. */}
                  <Link
                    href={`/w/${ws.id}/runs/${r.id}`}
                    className="font-mono text-xs font-medium text-indigo-700 after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:rounded-md focus-visible:after:ring-2 focus-visible:after:ring-indigo-500 dark:text-indigo-300"
                    aria-label={`Run ${shortRunId(r.id)}`}
                  >
                    {shortRunId(r.id)}
                  </Link>
                </td>
                {showWorkflow && <td className={`${td} max-w-48 truncate`}>{r.workflowName}</td>}
                <td className={td}>
                  {versionLabel(r.versionNumber)}
                  {r.fixtureName && <span className="block text-xs text-amber-700 dark:text-amber-300">fixture &ldquo;{r.fixtureName}&rdquo; (test data)</span>}
                </td>
                <td className={`${td} text-zinc-600 dark:text-zinc-400`}>{triggerLabel(r.triggerKind, r.retryMode)}</td>
                <td className={`${td} text-zinc-600 dark:text-zinc-400`}>
                  <RelativeTime date={r.startedAt ?? r.createdAt} />
                </td>
                <td className={`${td} text-right tabular-nums text-zinc-600 dark:text-zinc-400`}>{ms === null ? "—" : formatDuration(ms)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RunsTableSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading runs" data-testid="runs-loading" className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex items-center gap-6 border-b border-zinc-200 px-4 py-3.5 last:border-b-0 dark:border-zinc-800">
          <Skeleton className="h-5 w-20 rounded-full" />
          <Skeleton className="h-3.5 w-16" />
          <Skeleton className="h-3.5 w-10" />
          <Skeleton className="hidden h-3.5 w-20 sm:block" />
          <Skeleton className="ml-auto h-3.5 w-14" />
        </div>
      ))}
    </div>
  );
}
