"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { RouterOutputs } from "@/app/_lib/types";
import { useTRPC } from "@/app/_trpc/react";
import { isLive, type StepState } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { nodeStates } from "@/app/(app)/w/[workspaceId]/_runs/step-states";

export type TestRun = RouterOutputs["run"]["get"];

// As the run view: fast enough to watch a step finish, light enough for a small server.
const POLL_MS = 1000;

/** Total time each node's steps took: the last attempt of each step key (loop items add up). */
function durationsOf(run: TestRun): Map<string, number> {
  const last = new Map<string, TestRun["steps"][number]>();
  for (const s of run.steps) if (!last.has(s.stepKey) || s.attempt >= last.get(s.stepKey)!.attempt) last.set(s.stepKey, s);
  const out = new Map<string, number>();
  for (const s of last.values()) if (s.durationMs != null) out.set(s.nodeId, (out.get(s.nodeId) ?? 0) + s.durationMs);
  return out;
}

/**
 * The editor's current test run: the one just started, else the workflow's newest test run (so results are
 * still there after a reload), polled while it runs, with what the canvas paints on each node.
 */
export function useEditorTest(workspaceId: string, workflowId: string, triggerId: string | null) {
  const trpc = useTRPC();
  const latest = useQuery(trpc.testRun.latest.queryOptions({ workspaceId, workflowId }));
  const [started, setStarted] = useState<string | null>(null);
  const runId = started ?? latest.data?.runId ?? null;
  const run = useQuery({
    ...trpc.run.get.queryOptions({ workspaceId, runId: runId ?? "" }),
    enabled: runId !== null,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && isLive(q.state.data.status) ? POLL_MS : false),
  });
  const data = run.data && run.data.id === runId ? run.data : undefined;
  const states = useMemo(() => {
    if (!data) return undefined;
    const s: Map<string, StepState> = nodeStates(data.steps, data.reused, data.pinned);
    // The trigger has no step row: its data is the fixture's (test data) or what the test was started with.
    if (triggerId && (data.startedAt || data.steps.length > 0)) s.set(triggerId, data.fixtureName ? "pinned" : "succeeded");
    return s;
  }, [data, triggerId]);
  const durations = useMemo(() => (data ? durationsOf(data) : undefined), [data]);
  return { runId, run: data, loading: runId !== null && !data, started: setStarted, states, durations };
}

export type EditorTest = ReturnType<typeof useEditorTest>;
