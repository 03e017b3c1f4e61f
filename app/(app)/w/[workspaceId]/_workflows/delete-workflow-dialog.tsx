"use client";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import type { WorkflowSummary } from "@/app/_lib/types";
import { messageOf } from "@/app/_trpc/errors";

type Props = {
  workflow: WorkflowSummary | null;
  onClose: () => void;
  onConfirm: (workflow: WorkflowSummary) => void;
  pending: boolean;
  error: unknown;
};

/** Names the workflow in the question, so nobody deletes the wrong one of two similar names. */
export function DeleteWorkflowDialog({ workflow, onClose, onConfirm, pending, error }: Props) {
  return (
    <ConfirmDialog
      open={workflow !== null}
      title={`Delete “${workflow?.name ?? ""}”?`}
      description="The workflow, its versions and its run history are deleted for everyone in this workspace. This cannot be undone."
      confirmLabel="Delete workflow"
      onClose={onClose}
      onConfirm={() => workflow && onConfirm(workflow)}
      pending={pending}
      error={error ? messageOf(error) : null}
    />
  );
}
