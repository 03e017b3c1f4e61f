"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { Section } from "@/app/_components/page-header";
import { Skeleton } from "@/app/_components/spinner";
import { useToast } from "@/app/_components/toast";
import type { Member } from "@/app/_lib/types";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { PendingInvitations } from "./pending-invitations";

export function MembersSection() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { data: me } = useQuery(trpc.me.get.queryOptions());
  const members = useQuery(trpc.workspace.members.queryOptions({ workspaceId: ws.id }));
  const [removing, setRemoving] = useState<Member | null>(null);
  const membersKey = trpc.workspace.members.queryKey({ workspaceId: ws.id });

  const changeRole = useMutation(
    trpc.workspace.changeRole.mutationOptions({
      onSuccess: () => toast.show("Role updated"),
      onError: (error) => toast.show(messageOf(error), "error"),
      onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: membersKey }), queryClient.invalidateQueries({ queryKey: trpc.workspace.pathKey() })]),
    }),
  );
  const remove = useMutation(
    trpc.workspace.removeMember.mutationOptions({
      onSuccess: async ({ userId }) => {
        const left = userId === me?.id;
        setRemoving(null);
        toast.show(left ? `You left “${ws.name}”` : "Member removed");
        if (left) {
          await queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
          router.replace("/");
        } else await queryClient.invalidateQueries({ queryKey: membersKey });
      },
    }),
  );

  return (
    <Section title="Members" testId="members-section" description="People with access to this workspace and what their role lets them do.">
      <div className="space-y-6">
        {ws.canManage && <InviteForm />}
        {members.isPending ? (
          <div className="space-y-3" aria-busy="true" aria-label="Loading members">
            {[0, 1].map((i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : members.isError ? (
          <p className="text-sm text-red-600 dark:text-red-400">{messageOf(members.error)}</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Members">
            <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="py-2 pr-3 font-medium">Person</th>
                <th className="py-2 pr-3 font-medium">Role</th>
                <th className="hidden py-2 pr-3 font-medium sm:table-cell">Member since</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {members.data.map((m) => (
                <MemberRow
                  key={m.userId}
                  member={m}
                  isMe={m.userId === me?.id}
                  myRole={ws.role}
                  personal={ws.personal}
                  pending={changeRole.isPending && changeRole.variables?.memberId === m.userId}
                  onRoleChange={(role) => changeRole.mutate({ workspaceId: ws.id, memberId: m.userId, role })}
                  onRemove={() => setRemoving(m)}
                />
              ))}
            </tbody>
          </table>
        )}
        <PendingInvitations />
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={removing?.userId === me?.id ? `Leave “${ws.name}”?` : `Remove ${removing?.name ?? ""}?`}
        description={
          removing?.userId === me?.id
            ? "You will lose access to its workflows until someone invites you again."
            : `${removing?.name ?? "They"} (${removing?.email ?? ""}) will lose access to this workspace's workflows, connections and runs.`
        }
        confirmLabel={removing?.userId === me?.id ? "Leave workspace" : "Remove member"}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate({ workspaceId: ws.id, memberId: removing.userId })}
        pending={remove.isPending}
        error={remove.error ? messageOf(remove.error) : null}
      />
    </Section>
  );
}
