"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge } from "@/app/_components/badge";
import { EmptyState } from "@/app/_components/empty-state";
import { Spinner } from "@/app/_components/spinner";
import { formatBytes, formatDuration } from "@/app/_lib/duration";
import { looseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { isLive, StepStateBadge, type StepState } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { StepDetail } from "./step-detail";
import { TriggerRow } from "./trigger-row";
import type { RunDetail } from "./run-view";

export type StepRow = RunDetail["steps"][number] & { reusedFrom?: string };

const TRIGGER_ROW = "trigger";

/**
 * Every step attempt in the order it started, with the steps a retry reused from an earlier run first (they
 * happened first). Each row opens to its input, output and error. Whatever rows the engine writes are shown,
 * control nodes included.
 */
export function StepList({ run, selectedNode, onSelectNode }: { run: RunDetail; selectedNode: string | null; onSelectNode: (id: string | null) => void }) {
  const rows: StepRow[] = [...run.reused, ...run.steps];
  const kinds = useMemo(() => new Map(looseGraph(run.graph).nodes.map((n) => [n.id, n.kind])), [run.graph]);
  const [open, setOpen] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // The trigger is the first step: its output is what arrived (it has no row of its own; it fired if the run started).
  const trigger = useMemo(() => looseGraph(run.graph).nodes.find((n) => n.kind === "trigger")?.id, [run.graph]);
  const triggerShown = trigger !== undefined && run.trigger != null && Object.keys(run.trigger as object).length > 0;
  // A node picked on the canvas opens its latest step here.
  useEffect(() => {
    if (!selectedNode) return;
    if (selectedNode === trigger) {
      setOpen(TRIGGER_ROW);
      return;
    }
    const last = [...rows].reverse().find((r) => r.nodeId === selectedNode);
    if (last) {
      setOpen(last.id);
      list.current?.querySelector(`[data-step-id="${last.id}"]`)?.scrollIntoView({ block: "nearest" });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the selection changes, not on every poll
  }, [selectedNode]);

  if (rows.length === 0 && !triggerShown)
    return (
      <EmptyState title={isLive(run.status) ? "Waiting for the first step…" : "No steps ran"} testId="steps-empty" icon={isLive(run.status) ? <Spinner className="size-5" /> : undefined}>
        {isLive(run.status) ? "Steps appear here as they start." : "The run ended before any step started."}
      </EmptyState>
    );
  return (
    <section aria-label="Steps">
      <h2 className="mb-2 text-sm font-semibold">Steps</h2>
      <ol ref={list} className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40">
        {triggerShown && (
          <TriggerRow
            run={run}
            nodeId={trigger}
            expanded={open === TRIGGER_ROW}
            onToggle={() => {
              setOpen(open === TRIGGER_ROW ? null : TRIGGER_ROW);
              onSelectNode(trigger);
            }}
          />
        )}
        {rows.map((s) => {
          const state: StepState = s.reusedFrom ? "reused" : (s.status as StepState);
          const expanded = open === s.id;
          return (
            <li key={s.id} data-step-id={s.id} data-testid={`step-${s.stepKey}`} data-state={state}>
              <button
                type="button"
                aria-expanded={expanded}
                aria-controls={`step-detail-${s.id}`}
                onClick={() => {
                  setOpen(expanded ? null : s.id);
                  onSelectNode(s.nodeId);
                }}
                className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-900/60"
              >
                <svg viewBox="0 0 20 20" aria-hidden className={`size-4 shrink-0 text-zinc-400 transition-transform ${expanded ? "rotate-90" : ""}`} fill="currentColor">
                  <path d="M7 5l6 5-6 5z" />
                </svg>
                <span className="font-mono text-sm font-medium">{s.stepKey}</span>
                {kinds.get(s.nodeId) && kinds.get(s.nodeId) !== "action" && (
                  <span className="rounded bg-zinc-100 px-1.5 py-px text-[10px] font-semibold uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">{kinds.get(s.nodeId)}</span>
                )}
                <StepStateBadge state={state} />
                {s.attempt > 1 && <Badge>attempt {s.attempt}</Badge>}
                {s.warnings && s.warnings.length > 0 && (
                  <Badge tone="amber">
                    {s.warnings.length === 1 ? "1 warning" : `${s.warnings.length} warnings`}
                  </Badge>
                )}
                {s.reusedFrom && <span className="text-xs text-zinc-500 dark:text-zinc-400">from an earlier run</span>}
                <span className="ml-auto flex gap-4 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                  {s.cpuMs != null && <span title="CPU time">CPU {formatDuration(s.cpuMs)}</span>}
                  {s.heapPeakBytes != null && <span title="Peak memory">{formatBytes(s.heapPeakBytes)}</span>}
                  <span title="Duration">{s.durationMs != null ? formatDuration(s.durationMs) : s.status === "running" ? "running…" : "—"}</span>
                </span>
              </button>
              {expanded && <StepDetail id={`step-detail-${s.id}`} step={s} workspaceId={run.workspaceId} retriedAfter={rows.some((o) => o.stepKey === s.stepKey && o.attempt > s.attempt && !o.reusedFrom)} />}
            </li>
          );
        })}
      </ol>
      {rows.length === 0 && (
        <p data-testid="steps-empty" className="mt-2 flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
          {isLive(run.status) ? (
            <>
              <Spinner className="size-4" /> Waiting for the first step…
            </>
          ) : (
            "The run ended before any step started."
          )}
        </p>
      )}
    </section>
  );
}
