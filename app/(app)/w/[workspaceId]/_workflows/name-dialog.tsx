"use client";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";

type NameDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  submitLabel: string;
  initialName?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
};

/** One text field in a dialog: used to create and to rename workflows. Enter submits, Escape cancels. */
export function NameDialog({ open, onClose, title, description, ...form }: NameDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} testId="name-dialog">
      <NameForm onClose={onClose} {...form} />
    </Dialog>
  );
}

function NameForm({ onClose, submitLabel, initialName = "", pending, error, onSubmit }: Omit<NameDialogProps, "open" | "title" | "description">) {
  const [name, setName] = useState(initialName);
  return (
    <Form
      className="space-y-4"
      onSubmit={() => onSubmit(name)}
    >
      <FormError message={formMessageOf(error)} />
      <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="New lead to Slack" error={fieldErrorsOf(error).name?.[0]} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Form>
  );
}
