"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { ChangesSummary } from "./changes-summary";
import { IssueList } from "./issue-list";
import { ProblemList } from "./problem-list";
import { useRefreshWorkflowState } from "./use-refresh-workflow-state";
import { useWorkflowPage } from "./workflow-page-context";

/**
 * Freezes the saved draft as the next version. Shows what changed since the last published version, and the
 * draft's problems by node and field (a click selects the node in the editor); while there are any, Publish waits.
 */
export function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Publish workflow" description="Runs from triggers and “Run latest” use the newest published version. Earlier runs keep the version they ran." testId="publish-dialog">
      <PublishForm onClose={onClose} />
    </Dialog>
  );
}

function PublishForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const { workflow, dirty, setSelection } = useWorkflowPage();
  const router = useRouter();
  const pathname = usePathname();
  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const versions = useQuery(trpc.workflow.versions.queryOptions(ids));
  const refresh = useRefreshWorkflowState(ids);
  const [message, setMessage] = useState("");
  const publish = useMutation(
    trpc.workflow.publish.mutationOptions({
      onSuccess: (v) => {
        toast.show(`Published version ${v.number}`);
        // An active workflow's triggers move to the new version: its trigger panels change with the header.
        void refresh();
        onClose();
      },
    }),
  );
  const next = versions.data ? (versions.data[0]?.number ?? 0) + 1 : null;
  const errors = fieldErrorsOf(publish.error);
  const problems = workflow.draftProblems;
  const editorPath = `/w/${workflow.workspaceId}/workflows/${workflow.id}`;
  const showNode = (nodeId: string) => {
    setSelection([nodeId]);
    onClose();
    if (pathname !== editorPath) router.push(editorPath);
  };
  return (
    <Form className="space-y-4" onSubmit={() => publish.mutate({ ...ids, message })}>
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="next-version">
        {next === null ? "Checking the latest version…" : `This becomes version ${next}.`}
      </p>
      {dirty && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950/40 dark:text-amber-300">
          The editor has unsaved changes. Publishing uses the last saved draft.
        </p>
      )}
      <ChangesSummary ids={ids} draftGraph={workflow.draftGraph} />
      <ProblemList problems={problems} title="Fix these problems in the draft first" onSelect={showNode} testId="publish-problems" />
      <FormError message={formMessageOf(publish.error)} />
      {/* The server's own refusal, if the draft changed since this dialog read it. */}
      {problems.length === 0 && <IssueList fieldErrors={errors} title="Fix these problems in the draft first:" />}
      <TextField label="What changed" name="message" value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} placeholder="Post to #sales instead of #general" hint="Shown in the version history." error={errors.message?.[0]} data-autofocus />
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={publish.isPending} disabled={problems.length > 0}>
          {next === null ? "Publish" : `Publish version ${next}`}
        </Button>
      </DialogActions>
    </Form>
  );
}
