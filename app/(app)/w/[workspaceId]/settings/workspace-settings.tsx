"use client";
import { PageHeader } from "@/app/_components/page-header";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { DangerZone } from "./danger-zone";
import { GeneralSection } from "./general-section";
import { MembersSection } from "./members-section";

export function WorkspaceSettings() {
  const ws = useWorkspace();
  return (
    <div className="space-y-8">
      <PageHeader eyebrow={ws.name} title="Settings" description="Name this workspace and decide who can see and change its workflows." />
      <GeneralSection />
      <MembersSection />
      {ws.role === "owner" && !ws.personal && <DangerZone />}
    </div>
  );
}
