"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { RelativeTime } from "@/app/_components/relative-time";
import { useToast } from "@/app/_components/toast";
import { roleLabel } from "@/app/_lib/roles";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

/**
 * Invitations not yet answered, under the members: who was invited, as what, until when. Admins can send one again
 * (a new link and a new expiry) or revoke it. Nothing is drawn while there are none.
 */
export function PendingInvitations() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.workspace.invitations.queryOptions({ workspaceId: ws.id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workspace.invitations.queryKey({ workspaceId: ws.id }) });
  const resend = useMutation(
    trpc.workspace.resendInvitation.mutationOptions({
      onSuccess: (i) => toast.show(`Invitation sent again to ${i.email}`),
      onError: (e) => toast.show(messageOf(e), "error"),
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.workspace.revokeInvitation.mutationOptions({
      onSuccess: (i) => toast.show(`Invitation to ${i.email} revoked`),
      onError: (e) => toast.show(messageOf(e), "error"),
      onSettled: refresh,
    }),
  );

  if (list.isError) return <p className="text-sm text-red-600 dark:text-red-400">{messageOf(list.error)}</p>;
  if (!list.data || list.data.length === 0) return null;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold">Pending invitations</h3>
      <ul aria-label="Pending invitations" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {list.data.map((inv) => (
          <li key={inv.id} data-testid="invitation-row" className="flex flex-col gap-2 px-3 py-2.5 text-sm sm:flex-row sm:items-center">
            <div className="min-w-0 flex-1">
              <div className="truncate font-medium">{inv.email}</div>
              <div className="text-xs text-zinc-600 dark:text-zinc-400">
                {roleLabel(inv.role)} · invited by {inv.invitedBy ?? "a former member"} ·{" "}
                {inv.expired ? <RelativeTime date={inv.expiresAt} prefix="expired " /> : <RelativeTime date={inv.expiresAt} prefix="expires " />}
              </div>
            </div>
            {inv.expired && <Badge tone="amber">Expired</Badge>}
            {ws.canManage && (
              <div className="flex gap-1">
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Resend invitation to ${inv.email}`}
                  pending={resend.isPending && resend.variables?.invitationId === inv.id}
                  onClick={() => resend.mutate({ workspaceId: ws.id, invitationId: inv.id })}
                >
                  Resend
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Revoke invitation to ${inv.email}`}
                  pending={revoke.isPending && revoke.variables?.invitationId === inv.id}
                  onClick={() => revoke.mutate({ workspaceId: ws.id, invitationId: inv.id })}
                >
                  Revoke
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
