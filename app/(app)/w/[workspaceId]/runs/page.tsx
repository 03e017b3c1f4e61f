import type { Metadata } from "next";
import { WorkspaceRuns } from "./workspace-runs";

export const metadata: Metadata = { title: "Runs" };

export default function WorkspaceRunsPage() {
  return <WorkspaceRuns />;
}
