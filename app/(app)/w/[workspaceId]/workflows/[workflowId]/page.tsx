import type { Metadata } from "next";
import { workflowTitle, type WorkflowParams } from "./_page/load";
import { WorkflowEditor } from "./_editor/workflow-editor";

export async function generateMetadata({ params }: { params: WorkflowParams }): Promise<Metadata> {
  return { title: await workflowTitle(params) };
}

/** The Editor tab (the layout loads the workflow and shows the header). */
export default function WorkflowEditorPage() {
  return <WorkflowEditor />;
}
