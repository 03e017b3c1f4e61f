import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowLeftIcon } from "@/app/_components/icons";
import { loadWorkflow, type WorkflowParams } from "./_page/load";
import { WorkflowHeader } from "./_page/workflow-header";
import { WorkflowPageProvider } from "./_page/workflow-page-context";
import { WorkflowTabs } from "./_page/workflow-tabs";

/** The frame around a workflow's tabs: back link, name, Run and Publish, and the Editor / Runs / Versions tabs. */
export default async function WorkflowLayout({ children, params }: { children: ReactNode; params: WorkflowParams }) {
  const workflow = await loadWorkflow(params);
  const { workspaceId } = await params;
  return (
    <WorkflowPageProvider initial={workflow} loadedAt={Date.now()}>
      <div className="space-y-5">
        <Link href={`/w/${workspaceId}`} className="inline-flex items-center gap-1.5 rounded text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
          <ArrowLeftIcon className="size-4" /> All workflows
        </Link>
        <WorkflowHeader />
        <WorkflowTabs base={`/w/${workspaceId}/workflows/${workflow.id}`} />
        {children}
      </div>
    </WorkflowPageProvider>
  );
}
