"use client";
import { useState } from "react";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { RelativeTime } from "@/app/_components/relative-time";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { ActiveSwitch } from "./active-switch";
import { PublishDialog } from "./publish-dialog";
import { RunDialog } from "./run-dialog";
import { useWorkflowPage } from "./workflow-page-context";

/** Name, state and the two actions an editor takes from any tab: run it, publish it. Viewers see neither. */
export function WorkflowHeader() {
  const ws = useWorkspace();
  const { workflow } = useWorkflowPage();
  const [open, setOpen] = useState<"run" | "publish" | null>(null);
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <div className="flex items-center gap-2">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{workflow.name}</h1>
          {ws.canEdit ? (
            <ActiveSwitch />
          ) : workflow.active ? (
            <Badge tone="green" dot>
              Active
            </Badge>
          ) : (
            <Badge>Inactive</Badge>
          )}
        </div>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          <RelativeTime date={workflow.updatedAt} prefix="Updated " /> · draft revision {workflow.draftRevision}
        </p>
      </div>
      {ws.canEdit && (
        <div className="flex shrink-0 gap-2">
          <Button variant="secondary" onClick={() => setOpen("run")}>
            Run…
          </Button>
          <Button onClick={() => setOpen("publish")}>Publish…</Button>
        </div>
      )}
      <RunDialog open={open === "run"} onClose={() => setOpen(null)} />
      <PublishDialog open={open === "publish"} onClose={() => setOpen(null)} />
    </div>
  );
}
