"use client";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { FormError } from "@/app/_components/form-error";

export type RetryOn = "its_version" | "latest";

/**
 * "Retry from the failed step?" with the version to retry on, when there is a choice: the version the run used,
 * or the workflow's current published version (a fix published after the failure). Never a silent pick.
 */
export function RetryFailedDialog({
  ranOn,
  latest,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  ranOn: number | null;
  latest: number | null;
  pending: boolean;
  error: string | null;
  onConfirm: (on: RetryOn) => void;
  onClose: () => void;
}) {
  const choice = ranOn !== null && latest !== null && latest !== ranOn;
  // Until the user picks, the default follows what is known: the version list may arrive after the dialog opens.
  const [picked, setOn] = useState<RetryOn | null>(null);
  const on: RetryOn = picked ?? (choice ? "latest" : "its_version");
  return (
    <Dialog
      open
      onClose={onClose}
      title="Retry from the failed step?"
      description="A new run reuses the outputs of the steps that succeeded and runs again from the step that failed."
      testId="confirm-dialog"
    >
      {choice && (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium">Run it on</legend>
          <Choice checked={on === "latest"} onChange={() => setOn("latest")} label={`Version ${latest}, the current published version`}>
            Only steps unchanged since version {ranOn} (and everything they read from) are reused; the rest run again.
          </Choice>
          <Choice checked={on === "its_version"} onChange={() => setOn("its_version")} label={`Version ${ranOn}, the version this run used`}>
            Exactly as it ran, with the same steps.
          </Choice>
        </fieldset>
      )}
      <FormError message={error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button onClick={() => onConfirm(on)} pending={pending}>
          {choice ? `Retry on version ${on === "latest" ? latest : ranOn}` : "Retry from failed step"}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function Choice({ checked, onChange, label, children }: { checked: boolean; onChange: () => void; label: string; children: React.ReactNode }) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50/50 dark:border-zinc-700 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-950/30">
      <input type="radio" name="retry-on" checked={checked} onChange={onChange} className="mt-0.5" />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="mt-0.5 block text-zinc-600 dark:text-zinc-400">{children}</span>
      </span>
    </label>
  );
}
