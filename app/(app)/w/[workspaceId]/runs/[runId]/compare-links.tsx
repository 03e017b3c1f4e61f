"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { SelectField } from "@/app/_components/field";
import { useTRPC } from "@/app/_trpc/react";
import { shortRunId, versionLabel } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import type { RunDetail } from "./run-view";

/**
 * Comparing this run: for a failure, one click to what changed since the workflow last worked; for any run, a
 * choice of another run of the same workflow to put beside it.
 */
export function CompareLinks({ run }: { run: RunDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const failed = run.status === "failed" || run.status === "succeeded_with_errors";
  const lastSuccess = useQuery({ ...trpc.run.lastSuccess.queryOptions({ workspaceId: run.workspaceId, runId: run.id }), enabled: failed });
  const others = useQuery(trpc.run.list.queryOptions({ workspaceId: run.workspaceId, workflowId: run.workflowId, limit: 25 }));
  const compareHref = (other: string, otherIsEarlier: boolean) => `/w/${run.workspaceId}/runs/compare?a=${otherIsEarlier ? other : run.id}&b=${otherIsEarlier ? run.id : other}`;
  const choices = (others.data ?? []).filter((r) => r.id !== run.id);
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="compare-links">
      {failed && lastSuccess.data?.runId && (
        <Link href={compareHref(lastSuccess.data.runId, true)} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          What changed since it last worked
        </Link>
      )}
      {failed && lastSuccess.data && !lastSuccess.data.runId && <p className="text-sm text-zinc-600 dark:text-zinc-400">No earlier successful run of this workflow to compare with.</p>}
      {choices.length > 0 && (
        <div className="w-72">
          <SelectField
            label="Compare with another run"
            value=""
            onChange={(e) => {
              const other = choices.find((r) => r.id === e.target.value);
              if (other) router.push(compareHref(other.id, other.createdAt < run.createdAt));
            }}
            options={[{ value: "", label: "Choose a run…" }, ...choices.map((r) => ({ value: r.id, label: `${shortRunId(r.id)} · ${r.status.replace(/_/g, " ")} · ${versionLabel(r.versionNumber)} · ${r.createdAt.toLocaleString()}` }))]}
          />
        </div>
      )}
    </div>
  );
}
