"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { Skeleton } from "@/app/_components/spinner";
import { RelativeTime } from "@/app/_components/relative-time";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { GraphCanvas } from "@/app/(app)/w/[workspaceId]/_graph/graph-canvas";
import { looseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";

/** Published versions, newest first; `?v=<id>` shows that version's frozen graph beside the list. */
export function VersionsView() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const params = useSearchParams();
  const { workflow } = useWorkflowPage();
  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const versions = useQuery(trpc.workflow.versions.queryOptions(ids));
  const selected = params.get("v") ?? versions.data?.[0]?.id ?? null;

  if (versions.isPending)
    return (
      <div aria-busy="true" aria-label="Loading versions" className="space-y-2">
        <Skeleton className="h-14 w-full" />
        <Skeleton className="h-14 w-full" />
      </div>
    );
  if (versions.isError)
    return (
      <EmptyState title="Versions could not load" action={<Button variant="secondary" onClick={() => versions.refetch()}>Try again</Button>}>
        {messageOf(versions.error)}
      </EmptyState>
    );
  if (versions.data.length === 0)
    return (
      <EmptyState title="Nothing published yet" testId="versions-empty">
        Publishing freezes the draft as version 1. Triggers and “Run latest” run the newest version; each run keeps the version it started on.
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      <ol aria-label="Versions" className="max-h-72 divide-y divide-zinc-200 overflow-y-auto rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40">
        {versions.data.map((v, i) => (
          <li key={v.id} data-testid="version-row">
            <Link
              href={`${pathname}?v=${v.id}`}
              scroll={false}
              aria-current={v.id === selected ? "true" : undefined}
              className={`block px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-900/60 ${v.id === selected ? "bg-indigo-50/60 dark:bg-indigo-950/30" : ""}`}
            >
              <div className="flex items-center gap-2">
                <span className="text-sm font-semibold">Version {v.number}</span>
                {i === 0 && <Badge tone="indigo">Latest</Badge>}
              </div>
              <p className="mt-0.5 truncate text-sm text-zinc-700 dark:text-zinc-300">{v.message || <span className="text-zinc-400">No message</span>}</p>
              <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                {v.publishedBy ?? "A deleted user"} · <RelativeTime date={v.createdAt} />
              </p>
            </Link>
          </li>
        ))}
      </ol>
      {selected && <VersionGraph versionId={selected} />}
    </div>
  );
}

function VersionGraph({ versionId }: { versionId: string }) {
  const trpc = useTRPC();
  const { workflow } = useWorkflowPage();
  const version = useQuery(trpc.workflow.version.queryOptions({ workspaceId: workflow.workspaceId, workflowId: workflow.id, versionId }));
  const graph = useMemo(() => looseGraph(version.data?.graph), [version.data]);
  if (version.isPending) return <Skeleton className="h-[440px] w-full rounded-xl" />;
  if (version.isError) return <EmptyState title="This version could not load">{messageOf(version.error)}</EmptyState>;
  return (
    <div className="min-w-0 space-y-2">
      <h2 className="text-sm font-semibold">
        Version {version.data.number} <span className="font-normal text-zinc-500 dark:text-zinc-400">(read-only)</span>
      </h2>
      <GraphCanvas key={versionId} graph={graph} label={`Version ${version.data.number} graph`} />
    </div>
  );
}
