"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { RelativeTime } from "@/app/_components/relative-time";
import { useToast } from "@/app/_components/toast";
import { formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import type { LooseNode } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { shortRunId } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import { RunStatusBadge } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { FixtureActions } from "./fixture-actions";
import { FixtureDialog } from "./fixture-dialog";
import { StepResult } from "./step-result";
import type { EditorTest } from "./use-editor-test";

type Props = {
  test: EditorTest;
  ids: { workspaceId: string; workflowId: string };
  nodes: LooseNode[];
  selectedId: string | null;
  canEdit: boolean;
  /** The draft as the editor holds it now (unsaved edits included); undefined while its JSON does not parse. */
  currentGraph: () => unknown;
};

const SOURCE: Record<string, string> = { run: "copied from run", manual: "entered by hand", edited: "edited by hand" };

/**
 * Testing from the editor: choose a named fixture (or make one with a form), test the whole draft, one step, or
 * from one step on; the results show on the canvas and here, for the selected step.
 */
export function TestPanel({ test, ids, nodes, selectedId, canEdit, currentGraph }: Props) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fixtures = useQuery(trpc.fixture.list.queryOptions(ids));
  const [chosen, setChosen] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  const fixtureId = chosen ?? test.run?.fixtureId ?? "";
  const fixture = fixtures.data?.find((f) => f.id === fixtureId);
  const selected = nodes.find((n) => n.id === selectedId) ?? null;
  const start = useMutation(
    trpc.testRun.start.mutationOptions({
      onSuccess: ({ runId }) => {
        test.started(runId);
        void queryClient.invalidateQueries({ queryKey: trpc.run.list.pathKey() });
        // The sample the mapping picker reads (use-test-sample.ts) follows the newest test.
        void queryClient.invalidateQueries({ queryKey: trpc.testRun.latest.pathKey() });
      },
    }),
  );
  const save = useMutation(
    trpc.fixture.create.mutationOptions({
      onSuccess: ({ id }) => {
        toast.show("Saved the test's trigger data as a fixture");
        void queryClient.invalidateQueries({ queryKey: trpc.fixture.list.pathKey() });
        setChosen(id);
      },
    }),
  );
  const run = (mode: "workflow" | "step" | "from") => {
    const graph = currentGraph();
    start.mutate({ ...ids, mode, ...(mode !== "workflow" && selected && { nodeId: selected.id }), ...(fixtureId && { fixtureId }), ...(graph !== undefined && { graph }), ...(mode !== "workflow" && test.runId && { sampleRunId: test.runId }) });
  };
  const stepTestable = selected !== null && selected.kind !== "trigger";
  const r = test.run;
  const failure = r?.error as { message?: string; nodeId?: string } | null | undefined;
  return (
    <section aria-labelledby="test-panel-title" data-testid="test-panel" className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="test-panel-title" className="mr-2 text-sm font-semibold">
          Test
        </h2>
        <label className="sr-only" htmlFor="test-fixture">
          Test fixture
        </label>
        <select
          id="test-fixture"
          data-testid="fixture-select"
          value={fixtureId}
          onChange={(e) => setChosen(e.target.value)}
          className="h-8 max-w-64 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">No fixture (empty trigger data)</option>
          {fixtures.data?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        {canEdit && fixture && <FixtureActions key={fixture.id} workspaceId={ids.workspaceId} fixture={fixture} onDeleted={() => setChosen("")} />}
        {canEdit && (
          <Button size="sm" variant="ghost" onClick={() => setDialog(true)}>
            New fixture
          </Button>
        )}
        <span className="mx-1 h-5 w-px bg-zinc-200 dark:bg-zinc-700" aria-hidden />
        <Button size="sm" onClick={() => run("workflow")} disabled={!canEdit} pending={start.isPending && start.variables?.mode === "workflow"} title="Run the whole draft as it is now, with the chosen fixture">
          Test workflow
        </Button>
        <Button size="sm" variant="secondary" onClick={() => run("step")} disabled={!canEdit || !stepTestable} title={stepTestable ? `Run "${selected!.id}" with its current settings; earlier steps' outputs come from the fixture or the latest test` : "Select a step on the canvas"}>
          Test this step
        </Button>
        <Button size="sm" variant="secondary" onClick={() => run("from")} disabled={!canEdit || !stepTestable} title={stepTestable ? `Run from "${selected!.id}" on, reusing the latest test's outputs before it` : "Select a step on the canvas"}>
          Run from here
        </Button>
      </div>
      {fixture && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="fixture-provenance">
          &ldquo;{fixture.name}&rdquo;: {SOURCE[fixture.source] ?? fixture.source}
          {fixture.sourceRunId && <> {shortRunId(fixture.sourceRunId)}</>}
          {fixture.versionNumber != null ? ` (v${fixture.versionNumber})` : ""}, against draft revision {fixture.draftRevision}
          {fixture.createdByName ? `, by ${fixture.createdByName}` : ""}, <RelativeTime date={fixture.createdAt} />
          {fixture.pinnedSteps.length > 0 && `; pins ${fixture.pinnedSteps.join(", ")}`}
        </p>
      )}
      <FormError message={formMessageOf(start.error) ?? formMessageOf(save.error)} testId="test-error" />
      {r && (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="test-run-summary">
          <RunStatusBadge status={r.status} />
          <span className="text-zinc-600 dark:text-zinc-400">
            Test run{" "}
            <Link href={`/w/${ids.workspaceId}/runs/${r.id}`} className="font-mono text-indigo-700 hover:underline dark:text-indigo-300">
              {shortRunId(r.id)}
            </Link>
            {scopeText(r.testScope)}
            {r.fixtureName ? ` with fixture "${r.fixtureName}"` : " without a fixture"}
          </span>
          {canEdit && !r.fixtureName && r.status !== "queued" && r.status !== "running" && (
            <Button size="sm" variant="ghost" pending={save.isPending} onClick={() => save.mutate({ ...ids, name: `From test ${shortRunId(r.id)}`, from: { kind: "run", runId: r.id, pinSteps: false } })}>
              Save its trigger data as a fixture
            </Button>
          )}
        </div>
      )}
      {failure?.message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {failure.nodeId ? `Failed at ${failure.nodeId}: ` : "Failed: "}
          {failure.message}
        </p>
      )}
      <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
        {!selected ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Select a step on the canvas to see its input and output from the latest test.</p>
        ) : !r ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{test.loading ? "Loading the latest test…" : "No test yet: test the workflow to see what each step gets and gives."}</p>
        ) : (
          <>
            <h3 className="mb-2 text-sm font-medium">
              Result of <span className="font-mono">{selected.id}</span>
            </h3>
            <StepResult run={r} nodeId={selected.id} isTrigger={selected.kind === "trigger"} state={test.states?.get(selected.id)} />
          </>
        )}
      </div>
      <FixtureDialog open={dialog} onClose={() => setDialog(false)} ids={ids} onCreated={setChosen} />
    </section>
  );
}

function scopeText(scope: unknown): string {
  const s = scope as { mode?: string; nodeId?: string } | null;
  if (s?.mode === "step") return ` of step "${s.nodeId}"`;
  if (s?.mode === "from") return ` from "${s.nodeId}" on`;
  return " of the draft";
}
