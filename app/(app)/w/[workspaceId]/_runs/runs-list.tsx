"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { RunsIcon } from "@/app/_components/icons";
import { useNow } from "@/app/_lib/time";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { FilterBar } from "./filter-bar";
import { filtersFrom, filtersToQuery, listInput, type RunFilterState } from "./run-filters";
import { RunsTable, RunsTableSkeleton } from "./runs-table";
import { isLive } from "./status-badge";

/**
 * A filterable, paged list of runs: the workspace's Runs page, or one workflow's Runs tab (`workflowId`). It
 * re-fetches every 2 s while a run on screen is queued or running, so statuses change without a reload.
 */
export function RunsList({ workflowId }: { workflowId?: string }) {
  const trpc = useTRPC();
  const ws = useWorkspace();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const now = useNow();
  const filters = filtersFrom(new URLSearchParams(params.toString()));
  const setFilters = (f: RunFilterState) => router.replace(`${pathname}${filtersToQuery(f)}`, { scroll: false });

  const selectedWorkflow = workflowId ?? (filters.workflowId || undefined);
  const versions = useQuery({ ...trpc.workflow.versions.queryOptions({ workspaceId: ws.id, workflowId: selectedWorkflow ?? "" }), enabled: Boolean(selectedWorkflow) });
  const workflows = useQuery({ ...trpc.workflow.list.queryOptions({ workspaceId: ws.id }), enabled: !workflowId });

  const input = { workspaceId: ws.id, ...listInput(filters, now ?? 0, { workflowId }) };
  const runs = useInfiniteQuery({
    ...trpc.run.list.infiniteQueryOptions(input, { getNextPageParam: (last) => (last.length === input.limit ? last.at(-1)!.id : undefined) }),
    enabled: now !== null,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.some((r) => isLive(r.status))) ? 2000 : false),
  });
  const rows = runs.data?.pages.flat() ?? [];
  const filtered = filters.status !== "" || filters.kind !== "all" || filters.versionId !== "" || filters.range !== "any" || (!workflowId && filters.workflowId !== "");

  return (
    <div className="space-y-4">
      <FilterBar
        filters={filters}
        onChange={setFilters}
        versions={selectedWorkflow ? (versions.data ?? []) : null}
        workflows={workflowId ? null : (workflows.data ?? [])}
      />
      {runs.isPending ? (
        <RunsTableSkeleton />
      ) : runs.isError ? (
        <EmptyState title="Runs could not load" action={<Button variant="secondary" onClick={() => runs.refetch()}>Try again</Button>}>
          {messageOf(runs.error)}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<RunsIcon className="size-6" />}
          title={filtered ? "No runs match these filters" : "No runs yet"}
          testId="runs-empty"
          action={filtered && <Button variant="secondary" onClick={() => setFilters({ status: "", kind: "all", versionId: "", workflowId: workflowId ?? "", range: "any" })}>Clear filters</Button>}
        >
          {filtered ? "Try a wider time range or another status." : "Runs appear here when a workflow is run by hand, by its trigger, or as a test of its draft."}
        </EmptyState>
      ) : (
        <>
          <RunsTable runs={rows} showWorkflow={!workflowId} />
          <div className="flex items-center justify-between text-sm text-zinc-500 dark:text-zinc-400">
            <span>
              {rows.length} run{rows.length === 1 ? "" : "s"} shown
            </span>
            {runs.hasNextPage && (
              <Button variant="secondary" size="sm" pending={runs.isFetchingNextPage} onClick={() => runs.fetchNextPage()}>
                Load more
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
