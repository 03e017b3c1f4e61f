import type { Metadata } from "next";
import { RunsList } from "../../../_runs/runs-list";
import { loadWorkflow, workflowTitle, type WorkflowParams } from "../_page/load";

export async function generateMetadata({ params }: { params: WorkflowParams }): Promise<Metadata> {
  return { title: await workflowTitle(params, "Runs") };
}

export default async function WorkflowRunsPage({ params }: { params: WorkflowParams }) {
  const workflow = await loadWorkflow(params);
  return <RunsList workflowId={workflow.id} />;
}
