"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/button";
import { formatAbsolute } from "@/app/_lib/time";
import { formatBytes, formatDuration } from "@/app/_lib/duration";
import { prettyJson } from "@/app/_lib/json-input";
import { failureNote } from "@/app/(app)/w/[workspaceId]/_runs/failure-note";
import { shortRunId } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import type { StepRow } from "./step-list";
import { StepLogs } from "./step-logs";

/**
 * A step's input, output and error (whole, unless too deep or large to show: then cut, with a link to download the
 * whole), with when it ran and what it used.
 */
export function StepDetail({ id, step, workspaceId, retriedAfter }: { id: string; step: StepRow; workspaceId: string; retriedAfter: boolean }) {
  const error = step.error as { message?: string; type?: string } | null;
  const note = error ? failureNote(step, retriedAfter) : null;
  // A value too deep or large to send whole came as a preview; the whole is a download (of the row's own run:
  // a reused step's row belongs to the run it was reused from).
  const cut = (field: keyof StepRow["truncated"]): Cut | undefined => {
    const t = step.truncated[field];
    return t && { bytes: t.bytes, depth: t.depth, href: `/api/runs/${encodeURIComponent(step.runId)}/steps/${step.id}/${field}` };
  };
  return (
    <div id={id} data-testid="step-detail" className="space-y-4 border-t border-zinc-200 bg-zinc-50/60 px-4 py-4 dark:border-zinc-800 dark:bg-zinc-950/40">
      {step.reusedFrom && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          Not run again: its output was reused from run{" "}
          <Link href={`/w/${workspaceId}/runs/${step.reusedFrom}`} className="font-mono underline">
            {shortRunId(step.reusedFrom)}
          </Link>
          .
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Fact label="Attempt">{step.attempt}</Fact>
        <Fact label="Started">{formatAbsolute(step.startedAt)}</Fact>
        <Fact label="Duration">{step.durationMs != null ? formatDuration(step.durationMs) : "—"}</Fact>
        <Fact label="CPU time">{step.cpuMs != null ? formatDuration(step.cpuMs) : "—"}</Fact>
        <Fact label="Peak memory">{step.heapPeakBytes != null ? formatBytes(step.heapPeakBytes) : "—"}</Fact>
        <Fact label="Network">{step.netBytes != null ? formatBytes(step.netBytes) : "—"}</Fact>
        <Fact label="Node">
          <span className="font-mono">{step.nodeId}</span>
        </Fact>
      </dl>
      {error && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          <p className="font-medium">
            {error.type ? `${error.type}: ` : ""}
            {error.message ?? "The step failed."}
          </p>
          {note && (
            <p data-testid="step-retry-note" className="mt-1 text-red-700/90 dark:text-red-300/90">
              {note}
            </p>
          )}
        </div>
      )}
      {step.warnings && step.warnings.length > 0 && (
        <div data-testid="step-warnings" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
          <p className="font-medium">Its input read steps that did not run normally:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {step.warnings.map((w) => (
              <li key={`${w.field} ${w.reference}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <StepLogs logs={step.logs} />
      {cut("logs") && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Logs truncated ({cut("logs")!.depth} levels deep). <Download cut={cut("logs")!} />
        </p>
      )}
      <Json title="Input" value={step.input} cut={cut("input")} />
      <Json title="Output" value={step.output} byReference={step.outputRef !== null} testId="step-output" cut={cut("output")} />
      {error && <Json title="Error" value={error} cut={cut("error")} />}
    </div>
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

// No href: the whole value has no download (the trigger's), only the preview.
type Cut = { bytes: number; depth: number; href?: string };

function Download({ cut, testId }: { cut: Cut; testId?: string }) {
  return (
    <a href={cut.href} download data-testid={testId} className="text-xs text-blue-700 underline dark:text-blue-400">
      Download whole value ({formatBytes(cut.bytes)})
    </a>
  );
}

/** A JSON value as every step (and the trigger) shows it: size, copy, and a download when it was cut for the view. */
export function Json({ title, value, byReference, testId, cut }: { title: string; value: unknown; byReference?: boolean; testId?: string; cut?: Cut }) {
  const text = useMemo(() => prettyJson(value), [value]);
  const [copied, setCopied] = useState(false);
  const size = cut ? cut.bytes : new TextEncoder().encode(text).length;
  return (
    <section aria-label={title}>
      <div className="mb-1 flex items-center gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
        {value !== undefined && value !== null && (
          <span className="text-xs text-zinc-400" data-testid={testId ? `${testId}-size` : undefined}>
            {formatBytes(size)}
            {cut ? ` · ${cut.depth} levels deep · truncated, shown to 20 levels and 64 KB` : byReference ? " · stored separately (over 256 KB), shown whole" : ""}
          </span>
        )}
        {cut?.href && <Download cut={cut} testId={testId ? `${testId}-download` : undefined} />}
        {text && !cut && (
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto !h-6 !px-2 text-xs"
            onClick={() => {
              void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </div>
      {value === undefined || value === null ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">None</p>
      ) : (
        <pre data-testid={testId} className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-white p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all dark:border-zinc-800 dark:bg-zinc-900">
          {text}
        </pre>
      )}
    </section>
  );
}
