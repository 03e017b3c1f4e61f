"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { SelectField, TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { ROLE_OPTIONS } from "@/app/_lib/roles";
import type { Role } from "@/app/_lib/types";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

/**
 * Invites anyone by email; they join once they accept from the mail. Whether the address has a Junction account is
 * not shown (the mail handles both). Problems (already a member, bad address) show at the field.
 */
export function InviteForm() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const invite = useMutation(
    trpc.workspace.invite.mutationOptions({
      onSuccess: async (m) => {
        toast.show(`Invitation sent to ${m.email}`);
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.invitations.queryKey({ workspaceId: ws.id }) });
      },
    }),
  );
  const errors = fieldErrorsOf(invite.error);
  // Only an owner may grant the owner role; offering it to admins would just produce an error.
  const options = ROLE_OPTIONS.filter((r) => ws.role === "owner" || r.value !== "owner");

  return (
    <Form
      aria-label="Invite member"
      className="space-y-3"
      onSubmit={() => invite.mutate({ workspaceId: ws.id, email, role })}
    >
      <FormError message={formMessageOf(invite.error)} testId="invite-error" />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField label="Email address" type="email" placeholder="teammate@example.com" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email?.[0]} />
        </div>
        <div className="sm:w-36">
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} options={options} error={errors.role?.[0]} />
        </div>
        <Button type="submit" className="sm:mt-7" pending={invite.isPending}>
          Invite
        </Button>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{ROLE_OPTIONS.find((r) => r.value === role)?.description}.</p>
    </Form>
  );
}
