"use client";
import { PageHeader } from "@/app/_components/page-header";
import { RunsList } from "@/app/(app)/w/[workspaceId]/_runs/runs-list";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

/** Every run in the workspace, newest first, across workflows. */
export function WorkspaceRuns() {
  const ws = useWorkspace();
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={ws.name} title="Runs" description="Every run of every workflow here: filter by status, version or time, and open one to see each step." />
      <RunsList />
    </div>
  );
}
