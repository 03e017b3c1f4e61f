"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { TestRun } from "./use-editor-test";

/** What the latest editor test saw: the data mappings read as `trigger` and `steps.<id>.output`. */
export type TestSample = { runId: string; fixtureName: string | null; trigger: unknown; steps: Record<string, { output: unknown }> };

/** The sample a run gives: each step's latest succeeded output (outside loops), its reused and pinned ones too. */
export function sampleOf(run: TestRun): TestSample {
  const steps: Record<string, { output: unknown }> = {};
  for (const p of run.pinned) if (p.stepKey === p.nodeId) steps[p.nodeId] = { output: p.output };
  for (const s of [...run.reused, ...run.steps]) if (s.status === "succeeded" && s.stepKey === s.nodeId) steps[s.nodeId] = { output: s.output };
  return { runId: run.id, fixtureName: run.fixtureName, trigger: run.trigger, steps };
}

/**
 * The workflow's latest test as a sample for the mapping picker and previews (null before any test). Shares its
 * queries with the editor's test panel, so reading it costs no extra request.
 */
export function useTestSample(workspaceId: string, workflowId: string): TestSample | null {
  const trpc = useTRPC();
  const latest = useQuery(trpc.testRun.latest.queryOptions({ workspaceId, workflowId }));
  const runId = latest.data?.runId ?? null;
  const run = useQuery({ ...trpc.run.get.queryOptions({ workspaceId, runId: runId ?? "" }), enabled: runId !== null });
  return useMemo(() => (run.data ? sampleOf(run.data) : null), [run.data]);
}
