"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import type { RouterOutputs } from "@/app/_lib/types";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useToast } from "@/app/_components/toast";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

type Connection = RouterOutputs["connection"]["list"][number];

export function ConnectionRow({ connection: c, editable }: { connection: Connection; editable: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const done = (msg: string) => async () => {
    toast.show(msg);
    await queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey({ workspaceId: ws.id }) });
  };
  const onError = (e: unknown) => toast.show(messageOf(e), "error");
  const remove = useMutation(trpc.connection.delete.mutationOptions({ onSuccess: done(`Deleted “${c.name}”`), onError }));
  const refresh = useMutation(trpc.connection.refresh.mutationOptions({ onSuccess: done(`Refreshed “${c.name}”`), onError }));
  // Runs the integration's own test(ctx) on the worker; a failing test is an answer (shown, and in the health badge).
  const test = useMutation(
    trpc.connection.test.mutationOptions({
      onSuccess: async (r) => {
        toast.show(r.ok ? `“${c.name}” works` : `“${c.name}” failed its test: ${r.message ?? "no reason given"}`, r.ok ? undefined : "error");
        await queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey({ workspaceId: ws.id }) });
      },
      onError,
    }),
  );

  return (
    <li className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 space-y-1">
        <div className="flex items-center gap-2">
          <span className="truncate font-medium">{c.name}</span>
          <Badge>{c.integrationSlug}</Badge>
          <Badge tone="indigo">{c.kind}</Badge>
          {c.health !== "unknown" && <Badge tone={c.health === "ok" ? "green" : "amber"}>{c.health.replaceAll("_", " ")}</Badge>}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {Object.entries(c.fields)
            .map(([name, state]) => `${name}: ${state}`)
            .join(" · ")}
        </p>
      </div>
      {editable && (
        <div className="flex shrink-0 gap-2">
          <Button size="sm" variant="secondary" pending={test.isPending} onClick={() => test.mutate({ workspaceId: ws.id, connectionId: c.id })}>
            Test
          </Button>
          {c.kind === "oauth2" && (
            <Button size="sm" variant="secondary" pending={refresh.isPending} onClick={() => refresh.mutate({ workspaceId: ws.id, connectionId: c.id })}>
              Refresh token
            </Button>
          )}
          <Button size="sm" variant="ghost" pending={remove.isPending} onClick={() => remove.mutate({ workspaceId: ws.id, connectionId: c.id })}>
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}
