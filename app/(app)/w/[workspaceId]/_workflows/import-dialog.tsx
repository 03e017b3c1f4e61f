"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { SelectField, TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { readWorkflowFileInput } from "./read-workflow-file";

type Props = { open: boolean; onClose: () => void; workspaceId: string };

/** Import a workflow file: choose it, see what it needs here (integrations, connections), map, import, open it. */
export function ImportDialog({ open, onClose, workspaceId }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Import a workflow" description="A workflow file exported from Junction (.json). Credentials are never in it: you choose this workspace's connections." testId="import-dialog">
      <ImportForm onClose={onClose} workspaceId={workspaceId} />
    </Dialog>
  );
}

function ImportForm({ onClose, workspaceId }: Omit<Props, "open">) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<unknown>(undefined);
  const [fileError, setFileError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const preview = useMutation(
    trpc.workflow.previewImport.mutationOptions({
      onSuccess: (p) => {
        if (!p.ok) return;
        setName(p.plan.name);
        setChoices(Object.fromEntries(p.plan.connections.map((c) => [c.key, c.suggested ?? ""])));
      },
    }),
  );
  const doImport = useMutation(
    trpc.workflow.import.mutationOptions({
      onSuccess: (wf) => {
        // The list behind the dialog (and the one "All workflows" goes back to) gains the new workflow.
        void queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey({ workspaceId }) });
        router.push(`/w/${workspaceId}/workflows/${wf.id}`);
      },
    }),
  );
  const plan = preview.data?.ok ? preview.data.plan : null;

  const choose = async (chosen: File | undefined) => {
    preview.reset();
    doImport.reset();
    setFileError(null);
    setFile(undefined);
    if (!chosen) return;
    const read = await readWorkflowFileInput(chosen);
    if (!read.ok) return setFileError(read.error);
    setFile(read.value);
    preview.mutate({ workspaceId, file: read.value });
  };
  const fileProblems = fileError ? [fileError] : preview.data && !preview.data.ok ? preview.data.errors : [];
  const errors = fieldErrorsOf(doImport.error);

  return (
    <Form className="space-y-4" onSubmit={() => plan && doImport.mutate({ workspaceId, file, name, connections: Object.fromEntries(Object.entries(choices).map(([k, v]) => [k, v || null])) })}>
      <FormError message={formMessageOf(preview.error) ?? formMessageOf(doImport.error)} />
      <div>
        <label htmlFor="workflow-file" className="block text-sm font-medium">
          Workflow file
        </label>
        <input
          id="workflow-file"
          type="file"
          accept="application/json,.json"
          aria-invalid={fileProblems.length > 0 ? true : undefined}
          aria-describedby={fileProblems.length > 0 ? "workflow-file-problems" : undefined}
          onChange={(e) => void choose(e.target.files?.[0])}
          className="mt-1.5 block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-900 hover:file:bg-zinc-200 dark:text-zinc-300 dark:file:bg-zinc-800 dark:file:text-zinc-100 dark:hover:file:bg-zinc-700"
        />
        {preview.isPending && <p className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">Reading the file…</p>}
        {fileProblems.length > 0 && (
          <ul id="workflow-file-problems" role="alert" className="mt-1.5 list-disc space-y-1 pl-5 text-sm text-red-700 dark:text-red-400">
            {fileProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      {plan && (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="import-summary">
            {plan.steps} {plan.steps === 1 ? "step" : "steps"}
            {plan.notes > 0 && `, ${plan.notes} ${plan.notes === 1 ? "note" : "notes"}`}
            {plan.upgradedFrom !== null && " · from an older format, upgraded"}
          </p>
          <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name?.[0]} />
          {plan.repinned.map((r) => (
            <p key={`${r.integration}@${r.from}`} className="text-sm text-amber-800 dark:text-amber-300">
              {r.integration} {r.from} becomes {r.to}, the version this workspace uses (steps {r.steps.join(", ")}).
            </p>
          ))}
          {plan.connections.map((c) => (
            <SelectField
              key={c.key}
              label={`Connection for ${c.name ? `“${c.name}”` : "an unnamed connection"} (${c.integrationName})`}
              hint={`Used by ${c.steps.join(", ")}. Left to choose, the step is marked until you pick one in the editor.`}
              value={choices[c.key] ?? ""}
              onChange={(e) => setChoices((all) => ({ ...all, [c.key]: e.target.value }))}
              error={errors[`connections.${c.key}`]?.[0]}
              options={[{ value: "", label: "Choose later" }, ...c.options.map((o) => ({ value: o.id, label: o.name }))]}
            />
          ))}
        </>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={doImport.isPending} disabled={!plan}>
          Import workflow
        </Button>
      </DialogActions>
    </Form>
  );
}
