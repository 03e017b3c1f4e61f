"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useToast } from "@/app/_components/toast";
import type { WorkflowSummary } from "@/app/_lib/types";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/**
 * The dashboard's mutations. Each one patches the cached list straight away with what the server returned
 * (so the change shows without a flash) and then refetches, so sort order and timestamps come from the server.
 * A new workflow opens in its editor: adding its trigger is what anyone creating one does next.
 */
export function useWorkflowActions(workspaceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const listKey = trpc.workflow.list.queryKey({ workspaceId });
  const patch = (fn: (list: WorkflowSummary[]) => WorkflowSummary[]) => queryClient.setQueryData(listKey, (old) => (old ? fn(old) : old));
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });

  const create = useMutation(
    trpc.workflow.create.mutationOptions({
      onSuccess: (wf) => {
        patch((list) => [wf, ...list]);
        toast.show(`Created “${wf.name}”`);
        router.push(`/w/${workspaceId}/workflows/${wf.id}`);
      },
      onSettled: refresh,
    }),
  );
  const rename = useMutation(
    trpc.workflow.rename.mutationOptions({
      onSuccess: (wf) => {
        patch((list) => list.map((w) => (w.id === wf.id ? wf : w)));
        // The workflow's own page may hold a copy from before the rename: it is fetched again when opened.
        void queryClient.invalidateQueries({ queryKey: trpc.workflow.get.queryKey({ workspaceId, workflowId: wf.id }) });
        toast.show(`Renamed to “${wf.name}”`);
      },
      onSettled: refresh,
    }),
  );
  const duplicate = useMutation(
    trpc.workflow.duplicate.mutationOptions({
      onSuccess: (wf) => {
        patch((list) => [wf, ...list]);
        toast.show(`Duplicated as “${wf.name}”`);
      },
      // No form to show this in: a toast says what went wrong.
      onError: (error) => toast.show(messageOf(error), "error"),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.workflow.delete.mutationOptions({
      onSuccess: ({ id }) => patch((list) => list.filter((w) => w.id !== id)),
      onSettled: refresh,
    }),
  );
  return { create, rename, duplicate, remove };
}
