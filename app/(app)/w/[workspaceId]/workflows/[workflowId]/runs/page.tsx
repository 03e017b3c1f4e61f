import type { Metadata } from "next";
import { RunsList } from "@/app/(app)/w/[workspaceId]/_runs/runs-list";
import { loadWorkflow, workflowTitle, type WorkflowParams } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/load";

export async function generateMetadata({ params }: { params: WorkflowParams }): Promise<Metadata> {
  return { title: await workflowTitle(params, "Runs") };
}

export default async function WorkflowRunsPage({ params }: { params: WorkflowParams }) {
  const workflow = await loadWorkflow(params);
  return <RunsList workflowId={workflow.id} />;
}
