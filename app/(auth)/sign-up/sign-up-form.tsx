"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  // Signing in after the account exists is a second step that can fail on its own (e.g. server restart).
  const [signInError, setSignInError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: async () => {
        setSigningIn(true);
        const res = await signIn("credentials", { email: form.email, password: form.password, redirect: false }).catch(() => null);
        if (!res || res.error) {
          setSigningIn(false);
          setSignInError("Your account is ready, but signing in failed. Sign in with your new password.");
          return;
        }
        router.replace(callbackUrl);
        router.refresh();
      },
    }),
  );

  const errors = fieldErrorsOf(signUp.error);
  const set = (key: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function onSubmit() {
    setSignInError(null);
    signUp.mutate(form);
  }

  const pending = signUp.isPending || signingIn;
  return (
    <Form onSubmit={onSubmit} className="space-y-4" aria-label="Create account">
      <FormError message={signInError ?? formMessageOf(signUp.error)} />
      <TextField label="Name" name="name" autoComplete="name" required data-autofocus value={form.name} onChange={set("name")} error={errors.name?.[0]} />
      <TextField label="Email" type="email" name="email" autoComplete="email" required value={form.email} onChange={set("email")} error={errors.email?.[0]} />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={form.password}
        onChange={set("password")}
        error={errors.password?.[0]}
        hint="At least 10 characters. A short phrase works well."
      />
      <Button type="submit" className="w-full" pending={pending}>
        {signingIn ? "Signing you in…" : signUp.isPending ? "Creating account…" : "Create account"}
      </Button>
    </Form>
  );
}
