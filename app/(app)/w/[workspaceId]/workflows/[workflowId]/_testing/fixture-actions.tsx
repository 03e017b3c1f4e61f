"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf, messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/** Rename and delete the chosen fixture (runs that used it keep its name and stay labelled as tests). */
export function FixtureActions({ workspaceId, fixture, onDeleted }: { workspaceId: string; fixture: { id: string; name: string }; onDeleted: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<"rename" | "delete" | null>(null);
  const [name, setName] = useState(fixture.name);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.fixture.list.pathKey() });
  const rename = useMutation(
    trpc.fixture.rename.mutationOptions({
      onSuccess: () => {
        toast.show("Test fixture renamed");
        refresh();
        setOpen(null);
      },
    }),
  );
  const remove = useMutation(
    trpc.fixture.delete.mutationOptions({
      onSuccess: () => {
        toast.show(`Test fixture "${fixture.name}" deleted`);
        refresh();
        setOpen(null);
        onDeleted();
      },
    }),
  );
  const close = () => {
    setOpen(null);
    rename.reset();
    remove.reset();
  };
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setName(fixture.name);
          setOpen("rename");
        }}
      >
        Rename
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen("delete")}>
        Delete
      </Button>
      <Dialog open={open === "rename"} onClose={close} title="Rename test fixture">
        <Form className="space-y-4" onSubmit={() => rename.mutate({ workspaceId, fixtureId: fixture.id, name })}>
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldErrorsOf(rename.error).name?.[0]} data-autofocus maxLength={120} />
          <FormError message={fieldErrorsOf(rename.error).name ? null : formMessageOf(rename.error)} />
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={rename.isPending}>
              Rename
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
      <ConfirmDialog
        open={open === "delete"}
        title={`Delete test fixture "${fixture.name}"?`}
        description="Test runs that used it keep its name. Production runs never used it."
        confirmLabel="Delete fixture"
        onConfirm={() => remove.mutate({ workspaceId, fixtureId: fixture.id })}
        onClose={close}
        pending={remove.isPending}
        error={remove.error ? messageOf(remove.error) : null}
      />
    </>
  );
}
