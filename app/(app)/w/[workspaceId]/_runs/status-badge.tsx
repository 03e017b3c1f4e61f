import { Badge } from "@/app/_components/badge";
import { Spinner } from "@/app/_components/spinner";

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "succeeded_with_errors";
/**
 * A step's state as the run view shows it: the engine's statuses plus "reused" from an earlier run and, in an
 * editor test, "pinned": the step did not run, a test fixture (or the sample run) gave its output.
 */
export type StepState = "running" | "succeeded" | "failed" | "skipped" | "reused" | "pinned";

const RUN: Record<RunStatus, { label: string; tone: "neutral" | "indigo" | "green" | "red" | "amber" }> = {
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "indigo" },
  succeeded: { label: "Succeeded", tone: "green" },
  // Reached its end, but a step set to continue on error failed: not a clean success.
  succeeded_with_errors: { label: "Succeeded with errors", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
  cancelled: { label: "Cancelled", tone: "amber" },
};

const STEP: Record<StepState, { label: string; tone: "neutral" | "indigo" | "green" | "red" | "amber" }> = {
  running: { label: "Running", tone: "indigo" },
  succeeded: { label: "Succeeded", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  skipped: { label: "Skipped", tone: "neutral" },
  reused: { label: "Reused", tone: "amber" },
  pinned: { label: "Test data", tone: "amber" },
};

export const isLive = (status: string) => status === "queued" || status === "running";

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const s = RUN[status] ?? { label: status, tone: "neutral" as const };
  return (
    <Badge tone={s.tone} dot={!isLive(status)} className="whitespace-nowrap">
      {status === "running" && <Spinner className="size-3" />}
      <span data-testid="run-status">{s.label}</span>
    </Badge>
  );
}

export function StepStateBadge({ state }: { state: StepState }) {
  const s = STEP[state] ?? { label: state, tone: "neutral" as const };
  return (
    <Badge tone={s.tone} dot={state !== "running"} className="whitespace-nowrap">
      {state === "running" && <Spinner className="size-3" />}
      {s.label}
    </Badge>
  );
}
