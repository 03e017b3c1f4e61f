import { cache } from "react";
import { orNotFound } from "@/app/(app)/_server/not-found-on";
import { serverCaller } from "@/app/(app)/_server/session";

export type WorkflowParams = Promise<{ workspaceId: string; workflowId: string }>;

// cache(): the layout, each tab's page and generateMetadata share one query per request.
const getWorkflow = cache(async (workspaceId: string, workflowId: string) => {
  const caller = await serverCaller();
  return orNotFound(() => caller.workflow.get({ workspaceId, workflowId }));
});

export async function loadWorkflow(params: WorkflowParams) {
  const { workspaceId, workflowId } = await params;
  return getWorkflow(workspaceId, workflowId);
}

/** "<workflow> · <tab>" as the page title; a workflow that cannot load gets a neutral title (the page 404s). */
export async function workflowTitle(params: WorkflowParams, tab?: string) {
  try {
    const name = (await loadWorkflow(params)).name;
    return tab ? `${name} · ${tab}` : name;
  } catch {
    return "Workflow";
  }
}
