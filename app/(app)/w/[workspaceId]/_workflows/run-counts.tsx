"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/react";
import type { RunStatus } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";

const SHOWN: { status: RunStatus; label: string; dot: string }[] = [
  { status: "succeeded", label: "succeeded", dot: "bg-emerald-500" },
  { status: "succeeded_with_errors", label: "succeeded with errors", dot: "bg-amber-500" },
  { status: "failed", label: "failed", dot: "bg-red-500" },
  { status: "cancelled", label: "cancelled", dot: "bg-zinc-400" },
];

/** The workspace's published runs of the last week by how they ended, each a link to the runs list so filtered. */
export function RunCounts({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.run.counts.queryOptions({ workspaceId }));
  if (!counts.data) return null;
  const { days, counts: n } = counts.data;
  return (
    <section aria-label={`Runs in the last ${days} days`} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <span className="text-zinc-500 dark:text-zinc-400">Runs in the last {days} days:</span>
      {SHOWN.map(({ status, label, dot }) => (
        <Link
          key={status}
          href={`/w/${workspaceId}/runs?status=${status}&kind=published&range=${days}d`}
          data-testid={`run-count-${status}`}
          className="inline-flex items-center gap-1.5 rounded text-zinc-700 hover:text-zinc-950 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:text-white"
        >
          <span aria-hidden className={`size-2 rounded-full ${dot}`} />
          <span className="font-semibold tabular-nums">{n[status]}</span> {label}
        </Link>
      ))}
    </section>
  );
}
