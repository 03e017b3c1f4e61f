"use client";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useTRPC } from "@/app/_trpc/react";
import type { WorkspaceSummary } from "@/app/_lib/types";

/**
 * The workspaces list (seeded by the server layout) and the one the shell treats as current: the one in the
 * URL, or the personal workspace on pages outside any workspace (such as profile settings).
 */
export function useWorkspaces(initial?: WorkspaceSummary[]) {
  const trpc = useTRPC();
  const params = useParams<{ workspaceId?: string }>();
  const { data: workspaces = [] } = useQuery({ ...trpc.workspace.list.queryOptions(), initialData: initial });
  const current = workspaces.find((w) => w.id === params.workspaceId) ?? workspaces.find((w) => w.personal) ?? workspaces[0];
  return { workspaces, current, inWorkspace: Boolean(params.workspaceId) };
}
