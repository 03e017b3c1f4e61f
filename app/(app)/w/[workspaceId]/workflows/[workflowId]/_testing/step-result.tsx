"use client";
import { JsonTree } from "@/app/_components/json-tree";
import { formatBytes, formatDuration } from "@/app/_lib/duration";
import { StepStateBadge, type StepState } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { StepLogs } from "@/app/(app)/w/[workspaceId]/runs/[runId]/step-logs";
import type { TestRun } from "./use-editor-test";

type Usage = { fetchCount?: number; queuedMs?: number };
type StepError = { message?: string; type?: string; field?: string };

/**
 * What the latest test did at the selected step: its state, time, attempts and resources, the error with the
 * field that caused it, its logs, and its input and output as searchable trees. Values arrive already cut to
 * the run view's preview limits (server/runs/view-values.ts); a cut one says so.
 */
export function StepResult({ run, nodeId, isTrigger, state }: { run: TestRun; nodeId: string; isTrigger: boolean; state: StepState | undefined }) {
  if (isTrigger) {
    return (
      <Section title={run.fixtureName ? `Trigger data from test fixture "${run.fixtureName}"` : "Trigger data"}>
        <JsonTree value={run.trigger} label={`Trigger data of ${nodeId}`} openDepth={2} testId="result-trigger" />
      </Section>
    );
  }
  const pinned = run.pinned.filter((p) => p.nodeId === nodeId);
  if (pinned.length > 0) {
    const fromFixture = pinned.some((p) => p.from === "fixture");
    return (
      <div className="space-y-3">
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="result-pinned">
          Not run in this test: its output is {fromFixture ? `pinned by test fixture "${run.fixtureName ?? "deleted fixture"}"` : "the sample run's"} — test data, not a real run.
        </p>
        <JsonTree value={pinned.length === 1 ? pinned[0]!.output : Object.fromEntries(pinned.map((p) => [p.stepKey, p.output]))} label={`Pinned output of ${nodeId}`} openDepth={2} testId="result-output" />
      </div>
    );
  }
  const rows = run.steps.filter((s) => s.nodeId === nodeId);
  if (rows.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">{run.status === "queued" || run.status === "running" ? "Not reached yet." : "This step did not run in the latest test."}</p>;
  }
  // The latest attempt of the last step key (a loop's last item): what the user most likely wants to see.
  const last = rows.reduce((a, b) => (+b.startedAt > +a.startedAt || (+b.startedAt === +a.startedAt && b.attempt > a.attempt) ? b : a));
  const error = last.error as StepError | null;
  const usage = (last.usage ?? {}) as Usage;
  return (
    <div className="space-y-4" data-testid="step-result">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Fact label="State">{state ? <StepStateBadge state={state} /> : last.status}</Fact>
        <Fact label="Duration">{last.durationMs != null ? formatDuration(last.durationMs) : "—"}</Fact>
        <Fact label="Attempts">{rows.filter((r) => r.stepKey === last.stepKey).length}</Fact>
        <Fact label="Step">
          <span className="font-mono">{last.stepKey}</span>
          {rows.length > 1 && new Set(rows.map((r) => r.stepKey)).size > 1 ? ` (of ${new Set(rows.map((r) => r.stepKey)).size})` : ""}
        </Fact>
        <Fact label="CPU time">{last.cpuMs != null ? formatDuration(last.cpuMs) : "—"}</Fact>
        <Fact label="Peak memory">{last.heapPeakBytes != null ? formatBytes(last.heapPeakBytes) : "—"}</Fact>
        <Fact label="Network">{last.netBytes != null ? formatBytes(last.netBytes) : "—"}</Fact>
        <Fact label="Requests">{usage.fetchCount ?? "—"}</Fact>
      </dl>
      {error && (
        <div role="alert" data-testid="result-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          <p className="font-medium">
            {error.type ? `${error.type}: ` : ""}
            {error.message ?? "The step failed."}
          </p>
          {error.field && (
            <p className="mt-1">
              Caused by the field <code className="rounded bg-red-100 px-1 font-mono dark:bg-red-900/50">{error.field}</code>
            </p>
          )}
        </div>
      )}
      <StepLogs logs={last.logs} />
      <Section title="Input" note={last.truncated.input && `cut to a preview: ${formatBytes(last.truncated.input.bytes)}, ${last.truncated.input.depth} levels`}>
        <JsonTree value={last.input} label={`Input of ${nodeId}`} testId="result-input" />
      </Section>
      <Section title="Output" note={last.truncated.output && `cut to a preview: ${formatBytes(last.truncated.output.bytes)}, ${last.truncated.output.depth} levels`}>
        {last.output === null || last.output === undefined ? <p className="text-sm text-zinc-500 dark:text-zinc-400">None</p> : <JsonTree value={last.output} label={`Output of ${nodeId}`} openDepth={2} testId="result-output" />}
      </Section>
    </div>
  );
}

function Section({ title, note, children }: { title: string; note?: string | false | null; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {title}
        {note && <span className="ml-2 font-normal normal-case tracking-normal text-amber-700 dark:text-amber-300">{note}</span>}
      </h3>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
