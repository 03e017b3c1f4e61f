"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { useToast } from "@/app/_components/toast";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

/** Owners can delete a shared workspace (never a personal one; the server refuses that too). */
export function DangerZone() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: async () => {
        toast.show(`Deleted “${ws.name}”`);
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        router.replace("/");
      },
    }),
  );
  return (
    <section aria-label="Danger zone" className="rounded-xl border border-red-200 bg-white p-5 dark:border-red-900/60 dark:bg-zinc-900/40">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2 className="text-sm font-semibold text-red-700 dark:text-red-400">Delete workspace</h2>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">Deletes every workflow, connection and run in it, for all members.</p>
        </div>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete workspace
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${ws.name}”?`}
        description="All its workflows, connections and run history are deleted for every member. This cannot be undone."
        confirmLabel="Delete workspace"
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ workspaceId: ws.id })}
        pending={remove.isPending}
        error={remove.error ? messageOf(remove.error) : null}
      />
    </section>
  );
}
