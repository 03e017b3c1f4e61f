"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ArrowLeftIcon } from "@/app/_components/icons";
import { RelativeTime } from "@/app/_components/relative-time";
import { Spinner } from "@/app/_components/spinner";
import { formatDuration } from "@/app/_lib/duration";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { shortRunId, versionLabel } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import { RunStatusBadge, type RunStatus } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import type { RunComparison, RunSide, StepComparison } from "@/server/runs/compare";
import { ValueChanges } from "./value-changes";

const RUN_ID = /^run_[0-9a-f-]{36}(-onerror)*$/;

export function RunCompareView({ workspaceId, a, b }: { workspaceId: string; a: string; b: string }) {
  const trpc = useTRPC();
  const valid = RUN_ID.test(a) && RUN_ID.test(b);
  const compare = useQuery({ ...trpc.run.compare.queryOptions({ workspaceId, runId: a, otherRunId: b }), enabled: valid, retry: false });
  const back = (
    <Link href={`/w/${workspaceId}/runs/${RUN_ID.test(b) ? b : ""}`} className="inline-flex items-center gap-1.5 rounded text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
      <ArrowLeftIcon className="size-4" /> Back to the run
    </Link>
  );
  if (!valid || compare.isError) {
    return (
      <div className="space-y-5">
        {back}
        <h1 className="text-2xl font-semibold tracking-tight">Compare runs</h1>
        <div role="alert" data-testid="compare-error" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          {valid ? messageOf(compare.error) : "Choose two runs to compare: the address names no runs."}
        </div>
      </div>
    );
  }
  if (!compare.data) {
    return (
      <div className="space-y-5">
        {back}
        <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" role="status">
          <Spinner className="size-4" /> Comparing the two runs…
        </p>
      </div>
    );
  }
  const c = compare.data;
  return (
    <div className="space-y-6">
      {back}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compare runs of {c.workflowName}</h1>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <RunCard side={c.a} label="Before" workspaceId={workspaceId} />
          <RunCard side={c.b} label="After" workspaceId={workspaceId} />
        </div>
      </div>
      <Section title="Workflow changes">
        <WorkflowChanges c={c} />
      </Section>
      <Section title="Trigger data">
        <ValueChanges diff={c.trigger} label="Trigger data differences" empty="The same trigger data started both runs." />
      </Section>
      <Section title="Steps">
        <StepsTable steps={c.steps} failed={c.b.failedStep ?? c.a.failedStep} />
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function RunCard({ side, label, workspaceId }: { side: RunSide; label: string; workspaceId: string }) {
  return (
    <div data-testid={`compare-run-${label.toLowerCase()}`} className="rounded-lg border border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</span>
        <RunStatusBadge status={side.status as RunStatus} />
      </div>
      <Link href={`/w/${workspaceId}/runs/${side.id}`} className="mt-1 block font-mono text-indigo-700 hover:underline dark:text-indigo-300">
        Run {shortRunId(side.id)}
      </Link>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        {versionLabel(side.versionNumber)} · <RelativeTime date={side.createdAt} /> · {side.durationMs === null ? "—" : formatDuration(side.durationMs)}
      </p>
    </div>
  );
}

function WorkflowChanges({ c }: { c: RunComparison }) {
  const d = c.versionDiff;
  if (!d) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Both runs ran the same version ({versionLabel(c.b.versionNumber)}): the workflow did not change between them.</p>;
  const rows: [string, string[]][] = [
    ["Steps added", d.nodes.added],
    ["Steps removed", d.nodes.removed],
    ["Steps changed", d.nodes.changed],
    ["Connections added", d.edges.added.map((e) => `${e.source} → ${e.target}`)],
    ["Connections removed", d.edges.removed.map((e) => `${e.source} → ${e.target}`)],
  ];
  const shown = rows.filter(([, items]) => items.length > 0);
  return (
    <div className="space-y-2 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {versionLabel(c.a.versionNumber)} → {versionLabel(c.b.versionNumber)}
        {shown.length === 0 && ": only positions on the canvas changed."}
      </p>
      {shown.length > 0 && (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="workflow-changes">
          {shown.map(([label, items]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd className="font-mono text-xs leading-5">{items.join(", ")}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function StepsTable({ steps, failed }: { steps: StepComparison[]; failed: string | null }) {
  if (steps.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Neither run recorded a step.</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {steps.map((s) => {
        const isFailed = s.nodeId === failed;
        const same = s.input.changes.length === 0 && s.output.changes.length === 0 && s.a?.status === s.b?.status;
        return (
          <li key={s.stepKey} data-testid={`compare-step-${s.stepKey}`} data-failed={isFailed || undefined} className={`py-2 ${isFailed ? "-mx-2 rounded-md bg-red-50 px-2 ring-1 ring-red-200 dark:bg-red-950/40 dark:ring-red-900/60" : ""}`}>
            <details open={isFailed || undefined}>
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className="font-mono font-medium">{s.stepKey}</span>
                {isFailed && <span className="text-xs font-medium text-red-700 dark:text-red-400">failed here</span>}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {stepWords(s.a)} → {stepWords(s.b)}
                </span>
                {same && <span className="text-xs text-zinc-500 dark:text-zinc-400">no differences</span>}
              </summary>
              <div className="mt-2 space-y-3 pl-4">
                <div>
                  <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Input</h3>
                  <ValueChanges diff={s.input} label={`${s.stepKey} input differences`} empty="Same input." />
                </div>
                <div>
                  <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Output</h3>
                  <ValueChanges diff={s.output} label={`${s.stepKey} output differences`} empty="Same output." />
                </div>
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

const stepWords = (s: StepComparison["a"]) => (s ? `${s.status[0]!.toUpperCase()}${s.status.slice(1)}${s.durationMs === null ? "" : ` in ${formatDuration(s.durationMs)}`}${s.attempt > 1 ? ` (attempt ${s.attempt})` : ""}` : "Did not run");
