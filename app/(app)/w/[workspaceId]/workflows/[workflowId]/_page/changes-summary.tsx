"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { diffGraphs, isEmptyDiff, type DiffGraph } from "@/workflows/graph/diff";
import { useTRPC } from "@/app/_trpc/react";

type Ids = { workspaceId: string; workflowId: string };

/** A loose graph's nodes and edges (a draft may hold nodes that do not parse yet); anything else reads as empty. */
function asDiffGraph(value: unknown): DiffGraph {
  const g = (value ?? {}) as Partial<DiffGraph>;
  return { nodes: Array.isArray(g.nodes) ? g.nodes : [], edges: Array.isArray(g.edges) ? g.edges : [] };
}

/**
 * What publishing changes: the saved draft against the latest published version (nodes added, removed, changed;
 * edges added and removed; moving a node on the canvas is no change). The first publish lists every node.
 */
export function ChangesSummary({ ids, draftGraph }: { ids: Ids; draftGraph: unknown }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.workflow.versions.queryOptions(ids));
  const latestId = versions.data?.[0]?.id;
  const latest = useQuery({ ...trpc.workflow.version.queryOptions({ ...ids, versionId: latestId ?? "" }), enabled: Boolean(latestId) });
  const base = versions.data && !latestId ? asDiffGraph(null) : latest.data ? asDiffGraph(latest.data.graph) : null;
  const diff = useMemo(() => (base ? diffGraphs(base, asDiffGraph(draftGraph)) : null), [base, draftGraph]);
  const since = latest.data ? `since version ${latest.data.number}` : "in this first version";
  if (!diff) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Comparing with the published version…</p>;
  const rows: [string, string[], string][] = [
    ["Added", diff.nodes.added, "text-emerald-700 dark:text-emerald-400"],
    ["Removed", diff.nodes.removed, "text-red-700 dark:text-red-400"],
    ["Changed", diff.nodes.changed, "text-amber-800 dark:text-amber-300"],
  ];
  const edges = diff.edges.added.length + diff.edges.removed.length;
  return (
    <section aria-label="Changes" data-testid="publish-changes" className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
      <h3 className="font-medium text-zinc-900 dark:text-zinc-100">Changes {since}</h3>
      {isEmptyDiff(diff) ? (
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">No changes: the draft matches the published version (apart from positions).</p>
      ) : (
        <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
          {rows
            .filter(([, ids]) => ids.length > 0)
            .map(([label, ids, tone]) => (
              <div key={label} className="contents">
                <dt className={`font-medium ${tone}`}>{label}</dt>
                <dd className="break-words font-mono text-xs leading-5 text-zinc-700 dark:text-zinc-300">{ids.join(", ")}</dd>
              </div>
            ))}
          {edges > 0 && (
            <div className="contents">
              <dt className="font-medium text-zinc-700 dark:text-zinc-300">Connections</dt>
              <dd className="text-zinc-700 dark:text-zinc-300">
                {[diff.edges.added.length && `${diff.edges.added.length} added`, diff.edges.removed.length && `${diff.edges.removed.length} removed`].filter(Boolean).join(", ")}
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
