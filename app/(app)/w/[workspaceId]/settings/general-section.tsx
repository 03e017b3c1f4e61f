"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { Section } from "@/app/_components/page-header";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

export function GeneralSection() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(ws.name);
  const rename = useMutation(
    trpc.workspace.rename.mutationOptions({
      onSuccess: async () => {
        toast.show("Workspace renamed");
        // The switcher and page headers read these two queries.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.workspace.get.queryKey({ workspaceId: ws.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() }),
        ]);
      },
    }),
  );

  return (
    <Section title="General" testId="general-section" description={ws.personal ? "Your personal workspace. Only you are in it unless you invite others." : undefined}>
      <Form
        className="space-y-4"
        onSubmit={() => rename.mutate({ workspaceId: ws.id, name })}
      >
        <FormError message={formMessageOf(rename.error)} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <TextField
              label="Workspace name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={!ws.canManage}
              error={fieldErrorsOf(rename.error).name?.[0]}
              hint={ws.canManage ? undefined : "Only admins and owners can rename the workspace."}
            />
          </div>
          {ws.canManage && (
            <Button type="submit" variant="secondary" className="sm:mt-7" pending={rename.isPending} disabled={name.trim() === ws.name}>
              Save
            </Button>
          )}
        </div>
      </Form>
    </Section>
  );
}
