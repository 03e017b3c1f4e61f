import type { RunStatus } from "./status-badge";

/** The filters of a runs list, as kept in the page's URL (so Back from a run returns to the same view). */
export type RunFilterState = {
  status: RunStatus | "";
  kind: "all" | "published" | "test";
  versionId: string;
  workflowId: string;
  range: RangeKey;
};

export const RANGES = {
  any: { label: "Any time", ms: null },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  "30d": { label: "Last 30 days", ms: 30 * 86_400_000 },
} as const;
export type RangeKey = keyof typeof RANGES;

const STATUSES: RunStatus[] = ["queued", "running", "succeeded", "succeeded_with_errors", "failed", "cancelled"];
const KINDS = ["all", "published", "test"] as const;

export function filtersFrom(params: URLSearchParams): RunFilterState {
  const status = params.get("status") ?? "";
  const kind = params.get("kind") ?? "all";
  const range = params.get("range") ?? "any";
  return {
    status: (STATUSES as string[]).includes(status) ? (status as RunStatus) : "",
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as RunFilterState["kind"]) : "all",
    versionId: params.get("version") ?? "",
    workflowId: params.get("workflow") ?? "",
    range: range in RANGES ? (range as RangeKey) : "any",
  };
}

/** The query string for a filter state; defaults are left out so a plain list has a plain URL. */
export function filtersToQuery(f: RunFilterState): string {
  const p = new URLSearchParams();
  if (f.status) p.set("status", f.status);
  if (f.kind !== "all") p.set("kind", f.kind);
  if (f.versionId) p.set("version", f.versionId);
  if (f.workflowId) p.set("workflow", f.workflowId);
  if (f.range !== "any") p.set("range", f.range);
  const q = p.toString();
  return q ? `?${q}` : "";
}

/**
 * The run.list input for a filter state. `now` is rounded down to the minute so the range's start (and so the
 * query key) stays put between renders instead of refetching on every tick of the clock.
 */
export function listInput(f: RunFilterState, now: number, fixed: { workflowId?: string }) {
  const ms = RANGES[f.range].ms;
  const workflowId = fixed.workflowId ?? (f.workflowId || undefined);
  return {
    workflowId,
    status: f.status ? [f.status] : undefined,
    kind: f.kind,
    versionId: workflowId && f.versionId ? f.versionId : undefined,
    from: ms === null ? undefined : new Date(Math.floor(now / 60_000) * 60_000 - ms),
    limit: 25,
  };
}
