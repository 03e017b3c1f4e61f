"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { shortRunId } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";

/**
 * "Save as test fixture": this run's trigger data (and, if asked, its steps' outputs, pinned) as a named fixture
 * for the editor's tests, recorded as copied from this run. The fixture is test data from then on: it is never
 * used by a production run.
 */
export function SaveFixtureButton({ workspaceId, workflowId, runId }: { workspaceId: string; workflowId: string; runId: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(`From run ${shortRunId(runId)}`);
  const [pinSteps, setPinSteps] = useState(false);
  const create = useMutation(
    trpc.fixture.create.mutationOptions({
      onSuccess: () => {
        toast.show(`Saved as test fixture "${name.trim()}": choose it in the editor's Test panel`);
        void queryClient.invalidateQueries({ queryKey: trpc.fixture.list.pathKey() });
        setOpen(false);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          create.reset();
          setOpen(true);
        }}
      >
        Save as test fixture
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Save as test fixture" description="This run's trigger data becomes a named fixture for testing the draft in the editor.">
        <Form className="space-y-4" onSubmit={() => create.mutate({ workspaceId, workflowId, name, from: { kind: "run", runId, pinSteps } })}>
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name?.[0]} data-autofocus maxLength={120} />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 accent-indigo-600" checked={pinSteps} onChange={(e) => setPinSteps(e.target.checked)} />
            <span>
              Pin its step outputs too
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">Tests then use these outputs instead of running those steps (no calls to the apps).</span>
            </span>
          </label>
          <FormError message={errors.name ? null : (errors.payload?.[0] ?? formMessageOf(create.error))} />
          <DialogActions>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending}>
              Save fixture
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
