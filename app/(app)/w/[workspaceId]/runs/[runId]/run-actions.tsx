"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { useToast } from "@/app/_components/toast";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { isLive } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { RetryFailedDialog } from "./retry-failed-dialog";
import type { RunDetail } from "./run-view";
import { SaveFixtureButton } from "./save-fixture-button";

type Action = "cancel" | "retry" | "retryFailed" | "rerun";

const COPY: Record<Action, { title: string; description: string; confirm: string; done: string }> = {
  cancel: { title: "Cancel this run?", description: "Steps that are running are stopped; steps not yet started never run. The run is marked cancelled.", confirm: "Cancel run", done: "Cancelling the run" },
  retry: { title: "Retry from the start?", description: "A new run starts with the same trigger data and the same version, and runs every step again.", confirm: "Retry run", done: "Retry started" },
  retryFailed: { title: "Retry from the failed step?", description: "A new run reuses the outputs of every step that succeeded and runs again from the step that failed.", confirm: "Retry from failed step", done: "Retry from the failed step started" },
  rerun: { title: "Re-run on the latest version?", description: "A new run starts with the same trigger data on the workflow's newest published version.", confirm: "Re-run", done: "Re-run on the latest version started" },
};

/** Cancel, retry, retry from the failed step, re-run on latest: each asks first, then opens the new run. */
export function RunActions({ run, status }: { run: RunDetail; status: RunDetail["status"] }) {
  const trpc = useTRPC();
  const ws = useWorkspace();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const ids = { workspaceId: run.workspaceId, runId: run.id };
  const opened = (action: Action) => ({
    onSuccess: ({ runId }: { runId: string }) => {
      toast.show(COPY[action].done);
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: trpc.run.pathKey() });
      if (runId !== run.id) router.push(`/w/${run.workspaceId}/runs/${runId}`);
    },
  });
  const cancel = useMutation(trpc.run.cancel.mutationOptions(opened("cancel")));
  const retry = useMutation(trpc.run.retry.mutationOptions(opened("retry")));
  const retryFailed = useMutation(trpc.run.retry.mutationOptions(opened("retryFailed")));
  const rerun = useMutation(trpc.run.rerunLatest.mutationOptions(opened("rerun")));
  const mutations = { cancel, retry, retryFailed, rerun };
  // Whether a newer version was published since this run's: retrying from the failed step then offers both.
  const versions = useQuery({
    ...trpc.workflow.versions.queryOptions({ workspaceId: run.workspaceId, workflowId: run.workflowId }),
    enabled: ws.canEdit && run.versionNumber !== null,
  });
  if (!ws.canEdit) return null;

  const live = isLive(status);
  // A step that failed and let the run continue can be retried like one that stopped it.
  const hadFailure = run.status === "failed" || run.status === "succeeded_with_errors";
  const run_ = (a: Action) => {
    if (a === "cancel") cancel.mutate(ids);
    if (a === "retry") retry.mutate({ ...ids, from: "start" });
    if (a === "retryFailed") retryFailed.mutate({ ...ids, from: "failed_step", on: "its_version" });
    if (a === "rerun") rerun.mutate(ids);
  };
  const open = (a: Action) => {
    mutations[a].reset();
    setConfirming(a);
  };
  return (
    <div className="flex shrink-0 flex-wrap gap-2">
      {live && (
        <Button variant="danger" onClick={() => open("cancel")}>
          Cancel run
        </Button>
      )}
      {hadFailure && <Button onClick={() => open("retryFailed")}>Retry from failed step</Button>}
      {!live && (hadFailure || run.status === "cancelled") && (
        <Button variant="secondary" onClick={() => open("retry")}>
          Retry
        </Button>
      )}
      {!live && <SaveFixtureButton workspaceId={run.workspaceId} workflowId={run.workflowId} runId={run.id} />}
      {/* A fixture's data (or pinned outputs) never becomes a production run's: the server refuses it too. */}
      {!live && !run.fixtureName && run.pinned.length === 0 && (
        <Button variant="secondary" onClick={() => open("rerun")}>
          Re-run on latest
        </Button>
      )}
      {confirming === "retryFailed" && (
        <RetryFailedDialog
          ranOn={run.versionNumber}
          latest={versions.data?.[0]?.number ?? null}
          pending={retryFailed.isPending}
          error={retryFailed.error ? messageOf(retryFailed.error) : null}
          onConfirm={(on) => retryFailed.mutate({ ...ids, from: "failed_step", on })}
          onClose={() => setConfirming(null)}
        />
      )}
      {confirming && confirming !== "retryFailed" && (
        <ConfirmDialog
          open
          title={COPY[confirming].title}
          description={COPY[confirming].description}
          confirmLabel={COPY[confirming].confirm}
          tone={confirming === "cancel" ? "danger" : "primary"}
          pending={mutations[confirming].isPending}
          error={mutations[confirming].error ? messageOf(mutations[confirming].error) : null}
          onConfirm={() => run_(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
