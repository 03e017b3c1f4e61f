import type { Metadata } from "next";
import { workflowTitle, type WorkflowParams } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/load";
import { VersionsView } from "./versions-view";

export async function generateMetadata({ params }: { params: WorkflowParams }): Promise<Metadata> {
  return { title: await workflowTitle(params, "Versions") };
}

export default function WorkflowVersionsPage() {
  return <VersionsView />;
}
