"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Create workspace" description="A shared space for a team's workflows, connections and runs. You will be its owner.">
      <CreateWorkspaceForm onClose={onClose} />
    </Dialog>
  );
}

// A separate component so its state resets each time the dialog opens (the dialog mounts content only while open).
function CreateWorkspaceForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: async (ws) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        onClose();
        router.push(`/w/${ws.id}`);
      },
    }),
  );
  return (
    <Form
      className="space-y-4"
      onSubmit={() => create.mutate({ name })}
    >
      <FormError message={formMessageOf(create.error)} />
      <TextField label="Name" name="name" placeholder="Acme Operations" value={name} onChange={(e) => setName(e.target.value)} error={fieldErrorsOf(create.error).name?.[0]} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create workspace
        </Button>
      </DialogActions>
    </Form>
  );
}
