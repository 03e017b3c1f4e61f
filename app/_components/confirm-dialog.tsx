"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { FormError } from "./form-error";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: string | null;
  tone?: "danger" | "primary";
};

/** "Are you sure?" for destructive actions. Cancel gets focus first, so a stray Enter never destroys anything. */
export function ConfirmDialog({ open, title, description, confirmLabel, onConfirm, onClose, pending, error, tone = "danger" }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} testId="confirm-dialog">
      <FormError message={error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button variant={tone} onClick={onConfirm} pending={pending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
