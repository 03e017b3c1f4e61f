"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { PlusIcon, WorkflowIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/page-header";
import type { WorkflowSummary } from "@/app/_lib/types";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { DeleteWorkflowDialog } from "./delete-workflow-dialog";
import { ImportDialog } from "./import-dialog";
import { WorkflowListSkeleton } from "./list-skeleton";
import { NameDialog } from "./name-dialog";
import { RunCounts } from "./run-counts";
import { useExportWorkflow } from "./use-export-workflow";
import { useWorkflowActions } from "./use-workflow-actions";
import { WorkflowRow } from "./workflow-row";

type Open = { kind: "new" | "import" } | { kind: "rename" | "delete"; workflow: WorkflowSummary } | null;

export function WorkflowsDashboard() {
  const trpc = useTRPC();
  const ws = useWorkspace();
  const list = useQuery(trpc.workflow.list.queryOptions({ workspaceId: ws.id }));
  const { create, rename, duplicate, remove } = useWorkflowActions(ws.id);
  const exportWorkflow = useExportWorkflow(ws.id);
  const [open, setOpen] = useState<Open>(null);
  const close = () => {
    setOpen(null);
    create.reset();
    rename.reset();
    remove.reset();
  };

  const newButton = ws.canEdit && (
    <div className="flex gap-2">
      <Button variant="secondary" onClick={() => setOpen({ kind: "import" })}>
        Import
      </Button>
      <Button onClick={() => setOpen({ kind: "new" })}>
        <PlusIcon className="size-4" /> New workflow
      </Button>
    </div>
  );

  return (
    <div className="space-y-6">
      <PageHeader eyebrow={ws.name} title="Workflows" description="Automations that run when something happens in your apps." actions={newButton} />
      {list.data && list.data.length > 0 && <RunCounts workspaceId={ws.id} />}
      {list.isPending ? (
        <WorkflowListSkeleton />
      ) : list.isError ? (
        <EmptyState title="Workflows could not load" action={<Button variant="secondary" onClick={() => list.refetch()}>Try again</Button>}>
          {messageOf(list.error)}
        </EmptyState>
      ) : list.data.length === 0 ? (
        <EmptyState icon={<WorkflowIcon className="size-6" />} title="No workflows yet" action={ws.canEdit && <Button onClick={() => setOpen({ kind: "new" })}>Create your first workflow</Button>}>
          {ws.canEdit
            ? "A workflow starts with a trigger, such as a webhook or a schedule, and runs steps in your connected apps."
            : "Nothing has been built in this workspace yet. You have view access; an editor can create workflows."}
        </EmptyState>
      ) : (
        <ul aria-label="Workflows" className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40">
          {list.data.map((wf) => (
            <WorkflowRow
              key={wf.id}
              workflow={wf}
              href={`/w/${ws.id}/workflows/${wf.id}`}
              actions={
                ws.canEdit
                  ? {
                      onRename: () => setOpen({ kind: "rename", workflow: wf }),
                      onDuplicate: () => duplicate.mutate({ workspaceId: ws.id, workflowId: wf.id }),
                      onExport: () => void exportWorkflow(wf.id),
                      onDelete: () => setOpen({ kind: "delete", workflow: wf }),
                    }
                  : undefined
              }
            />
          ))}
        </ul>
      )}

      <NameDialog
        open={open?.kind === "new"}
        onClose={close}
        title="New workflow"
        description="Name it after what it does. You can change this later."
        submitLabel="Create workflow"
        pending={create.isPending}
        error={create.error}
        onSubmit={(name) => create.mutate({ workspaceId: ws.id, name }, { onSuccess: close })}
      />
      <NameDialog
        open={open?.kind === "rename"}
        onClose={close}
        title="Rename workflow"
        submitLabel="Save"
        initialName={open?.kind === "rename" ? open.workflow.name : ""}
        pending={rename.isPending}
        error={rename.error}
        onSubmit={(name) => open?.kind === "rename" && rename.mutate({ workspaceId: ws.id, workflowId: open.workflow.id, name }, { onSuccess: close })}
      />
      <ImportDialog open={open?.kind === "import"} onClose={close} workspaceId={ws.id} />
      <DeleteWorkflowDialog
        workflow={open?.kind === "delete" ? open.workflow : null}
        onClose={close}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(wf) => remove.mutate({ workspaceId: ws.id, workflowId: wf.id }, { onSuccess: close })}
      />
    </div>
  );
}
