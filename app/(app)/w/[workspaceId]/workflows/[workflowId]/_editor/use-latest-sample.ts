"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Sample } from "@/app/_lib/mapping/sources";
import { useTRPC } from "@/app/_trpc/react";
import { useTestSample } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_testing/use-test-sample";

type RunStep = { nodeId: string; stepKey: string; status: string; output: unknown };

/**
 * The mapping's sample: the trigger data and step outputs of the workflow's latest run (a test run or a real
 * one), read through run.list and run.get. A step inside a loop gives its first iteration's output. When that
 * run is the editor's latest test, its sample (with the fixture's pinned outputs, useTestSample) is used.
 */
export function useLatestSample(workspaceId: string, workflowId: string): { sample: Sample | null; loading: boolean } {
  const trpc = useTRPC();
  const list = useQuery(trpc.run.list.queryOptions({ workspaceId, workflowId, limit: 1 }));
  const latest = list.data?.[0];
  const test = useTestSample(workspaceId, workflowId);
  const run = useQuery({ ...trpc.run.get.queryOptions({ workspaceId, runId: latest?.id ?? "" }), enabled: latest !== undefined });
  const sample = useMemo<Sample | null>(() => {
    if (test && (!latest || test.runId === latest.id)) {
      const steps = Object.fromEntries(Object.entries(test.steps).map(([id, s]) => [id, s.output]));
      return { trigger: test.trigger ?? undefined, steps, source: test.fixtureName ? `the latest test (fixture “${test.fixtureName}”)` : "the latest test" };
    }
    if (!run.data) return null;
    const steps: Record<string, unknown> = {};
    const exact = new Set<string>();
    for (const s of run.data.steps as RunStep[]) {
      if (s.status !== "succeeded") continue;
      const top = s.stepKey === s.nodeId;
      if (exact.has(s.nodeId) || (!top && Object.hasOwn(steps, s.nodeId))) continue;
      steps[s.nodeId] = s.output;
      if (top) exact.add(s.nodeId);
    }
    const kind = run.data.versionNumber === null ? "test run" : `run of version ${run.data.versionNumber}`;
    return { trigger: run.data.trigger ?? undefined, steps, source: `the latest ${kind} (${run.data.createdAt.toLocaleString()})` };
  }, [run.data, test, latest]);
  return { sample, loading: list.isPending || (latest !== undefined && run.isPending) };
}
