"use client";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";
import { canEdit, canManage } from "@/app/_lib/roles";
import type { RouterOutputs } from "@/app/_lib/types";
import { useTRPC } from "@/app/_trpc/react";

type Workspace = RouterOutputs["workspace"]["get"];
type WorkspaceValue = Workspace & { canEdit: boolean; canManage: boolean };

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

/** The current workspace and what the user's role lets them do, kept fresh after renames and role changes. */
export function WorkspaceProvider({ initial, children }: { initial: Workspace; children: ReactNode }) {
  const trpc = useTRPC();
  const { data = initial } = useQuery({ ...trpc.workspace.get.queryOptions({ workspaceId: initial.id }), initialData: initial });
  const value = { ...data, canEdit: canEdit(data.role), canManage: canManage(data.role) };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error("useWorkspace() needs a WorkspaceProvider (app/(app)/w/[workspaceId]/layout.tsx)");
  return ws;
}
