"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextAreaField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { parseJsonObject } from "@/app/_lib/json-input";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { IssueList } from "./issue-list";
import { useWorkflowPage } from "./workflow-page-context";

/** Starts a manual run: of the latest published version, or a test of the saved draft. Opens the run live. */
export function RunDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Run workflow" description="The input becomes the trigger's body: steps read it as {{ trigger.body.… }}." testId="run-dialog">
      <RunForm onClose={onClose} />
    </Dialog>
  );
}

function RunForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { workflow, dirty } = useWorkflowPage();
  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const versions = useQuery(trpc.workflow.versions.queryOptions(ids));
  const latest = versions.data?.[0];
  const [target, setTarget] = useState<"latest" | "draft" | null>(null);
  const chosen = target ?? (versions.data && !latest ? "draft" : "latest");
  const [text, setText] = useState("{\n  \n}");
  const [inputError, setInputError] = useState<string | null>(null);
  const start = useMutation(
    trpc.run.start.mutationOptions({
      onSuccess: ({ runId }) => {
        toast.show("Run started");
        void queryClient.invalidateQueries({ queryKey: trpc.run.list.pathKey() });
        onClose();
        router.push(`/w/${workflow.workspaceId}/runs/${runId}`);
      },
    }),
  );
  const submit = () => {
    const parsed = parseJsonObject(text);
    setInputError(parsed.ok ? null : parsed.error);
    if (!parsed.ok) return;
    start.mutate({ ...ids, input: parsed.value, draft: chosen === "draft", versionId: chosen === "latest" ? latest?.id : undefined });
  };
  const errors = fieldErrorsOf(start.error);
  const radio = "mt-0.5 size-4 accent-indigo-600";
  return (
    <Form className="space-y-4" onSubmit={submit}>
      <fieldset className="space-y-2">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">What to run</legend>
        <label className="flex items-start gap-2.5 text-sm">
          <input type="radio" name="target" className={radio} checked={chosen === "latest"} disabled={!latest} onChange={() => setTarget("latest")} />
          <span>
            {latest ? `Latest published version (v${latest.number})` : "Latest published version"}
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{latest ? latest.message || "No message" : versions.isPending ? "Loading versions…" : "Nothing is published yet."}</span>
          </span>
        </label>
        <label className="flex items-start gap-2.5 text-sm">
          <input type="radio" name="target" className={radio} checked={chosen === "draft"} onChange={() => setTarget("draft")} />
          <span>
            Test the saved draft
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{dirty ? "Unsaved changes in the editor are not included." : "Runs the draft as it is saved, without publishing it."}</span>
          </span>
        </label>
      </fieldset>
      <FormError message={formMessageOf(start.error)} />
      <IssueList fieldErrors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "input"))} title="The draft cannot run yet:" />
      <TextAreaField
        label="Input (JSON)"
        name="input"
        rows={6}
        spellCheck={false}
        className="font-mono text-xs"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={inputError ?? errors.input?.[0]}
        hint='A JSON object, e.g. {"email": "ada@example.com"}.'
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={start.isPending}>
          {chosen === "draft" ? "Start test run" : "Start run"}
        </Button>
      </DialogActions>
    </Form>
  );
}
