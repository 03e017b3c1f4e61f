import type { StepState } from "./status-badge";

type StepLike = { nodeId: string; stepKey: string; attempt: number; status: string };

const RANK: Record<string, number> = { running: 4, failed: 3, succeeded: 2, skipped: 1 };

/**
 * The state to paint on each node of a run's graph. A node may have many rows (retry attempts, loop items): the
 * last attempt of each step key counts, and a node shows the most pressing of those (running, then failed,
 * then succeeded, then skipped). Nodes with no rows of this run but reused ones from an earlier run show "reused".
 */
export function nodeStates(steps: StepLike[], reused: StepLike[], pinned: { nodeId: string }[] = []): Map<string, StepState> {
  const latest = new Map<string, StepLike>();
  for (const s of steps) {
    const prev = latest.get(s.stepKey);
    if (!prev || s.attempt >= prev.attempt) latest.set(s.stepKey, s);
  }
  const out = new Map<string, StepState>();
  for (const s of latest.values()) {
    const prev = out.get(s.nodeId);
    if (!prev || (RANK[s.status] ?? 0) > (RANK[prev] ?? 0)) out.set(s.nodeId, (s.status in RANK ? s.status : "skipped") as StepState);
  }
  for (const r of reused) if (!out.has(r.nodeId)) out.set(r.nodeId, "reused");
  // An editor test's stand-ins: a fixture's (or the sample run's) output, never shown as a step that ran.
  for (const p of pinned) if (!out.has(p.nodeId)) out.set(p.nodeId, "pinned");
  return out;
}
