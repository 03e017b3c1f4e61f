import type { Metadata } from "next";
import { WorkflowsDashboard } from "./_workflows/dashboard";

export const metadata: Metadata = { title: "Workflows" };

export default function WorkspaceDashboardPage() {
  return <WorkflowsDashboard />;
}
