"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/react";

/**
 * Refetches every panel of the workflow page that shows server state a publish or an (de)activation changes: the
 * header (active, latest version), the version list, the live trigger's status and the webhook URL panel (activating
 * creates the URL and starts listening). One list, so a mutation cannot refresh some panels and leave others stale.
 */
export function useRefreshWorkflowState(ids: { workspaceId: string; workflowId: string }): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [trpc.workflow.get.queryKey(ids), trpc.workflow.versions.queryKey(ids), trpc.trigger.status.queryKey(ids), trpc.webhook.get.queryKey(ids)].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
}
