"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Avatar } from "@/app/_components/avatar";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { Section } from "@/app/_components/page-header";
import { useToast } from "@/app/_components/toast";
import type { Me } from "@/app/_lib/types";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

const PLATFORM_ROLES: Record<Me["platformRole"], { label: string; tone: "neutral" | "indigo" | "amber"; note: string }> = {
  user: { label: "User", tone: "neutral", note: "Builds and runs workflows in their workspaces." },
  developer: { label: "Developer", tone: "indigo", note: "Can also publish integrations to the marketplace." },
  admin: { label: "Platform admin", tone: "amber", note: "Manages users and reviews integrations for this whole install." },
};

export function ProfileForm() {
  const trpc = useTRPC();
  // The shell seeded this query from the server, so it is always there on this page.
  const { data: me } = useQuery(trpc.me.get.queryOptions());
  if (!me) return null;
  return <ProfileFields me={me} />;
}

function ProfileFields({ me }: { me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const update = useMutation(
    trpc.me.updateProfile.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.me.get.queryKey(), updated);
        toast.show("Profile saved");
      },
    }),
  );
  const role = PLATFORM_ROLES[me.platformRole];

  return (
    <Section title="Your details" testId="profile-section">
      <Form
        className="max-w-lg space-y-5"
        onSubmit={() => update.mutate({ name })}
      >
        <div className="flex items-center gap-4">
          <Avatar name={name || me.name} className="size-14 text-lg" />
          <div>
            <Badge tone={role.tone}>{role.label}</Badge>
            <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{role.note}</p>
          </div>
        </div>
        <FormError message={formMessageOf(update.error)} />
        <TextField label="Name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldErrorsOf(update.error).name?.[0]} />
        <TextField label="Email" type="email" value={me.email} readOnly disabled hint="Your sign-in email cannot be changed here." />
        <div className="flex justify-end">
          <Button type="submit" pending={update.isPending} disabled={name.trim() === me.name}>
            Save changes
          </Button>
        </div>
      </Form>
    </Section>
  );
}
