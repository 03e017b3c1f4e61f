"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { Section } from "@/app/_components/page-header";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

const EMPTY = { currentPassword: "", newPassword: "" };

/** Changes the password; a wrong current password or a weak new one is named at its field. */
export function PasswordForm() {
  const trpc = useTRPC();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      // The change ended every session, this one too: sign this browser in again with the new password.
      onSuccess: async ({ email }, { newPassword }) => {
        setForm(EMPTY);
        const again = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => null);
        if (again?.ok) toast.show("Password changed. Other devices were signed out.");
        else await signOut({ callbackUrl: "/sign-in" });
      },
    }),
  );
  const errors = fieldErrorsOf(change.error);
  return (
    <Section title="Password" testId="password-section" description="Changing it signs you out on every other device, and we mail your address.">
      <Form className="max-w-lg space-y-5" aria-label="Change password" onSubmit={() => change.mutate(form)}>
        <FormError message={formMessageOf(change.error)} />
        <TextField
          label="Current password"
          type="password"
          name="current-password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={(e) => setForm((f) => ({ ...f, currentPassword: e.target.value }))}
          error={errors.currentPassword?.[0]}
        />
        <TextField
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          value={form.newPassword}
          onChange={(e) => setForm((f) => ({ ...f, newPassword: e.target.value }))}
          error={errors.newPassword?.[0]}
          hint="At least 10 characters. A short phrase works well."
        />
        <div className="flex justify-end">
          <Button type="submit" pending={change.isPending} disabled={!form.currentPassword || !form.newPassword}>
            Change password
          </Button>
        </div>
      </Form>
    </Section>
  );
}
