"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/app/_components/toast";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/** Downloads a workflow's file (workflow.export): the draft, connections named, no credentials. */
export function useExportWorkflow(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  return async (workflowId: string) => {
    try {
      // Fetched fresh each time: the draft changes while the list is open.
      const { fileName, text } = await queryClient.fetchQuery({ ...trpc.workflow.export.queryOptions({ workspaceId, workflowId }), staleTime: 0 });
      const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      toast.show(messageOf(e), "error");
    }
  };
}
