"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Form } from "@/app/_components/form";
import { Button, buttonClass } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { takeLinkToken } from "@/app/_lib/link-token";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

const NEW_LINK = (
  <Link href="/forgot-password" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
    Request a new link
  </Link>
);

/** Sets a new password with the token in the link's fragment; a spent, expired or replaced link says which. */
export function ResetPasswordForm() {
  const trpc = useTRPC();
  // undefined until read in the browser; null when the page was opened without a token.
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  // The fragment exists only in the browser, after hydration.
  useEffect(() => setToken(takeLinkToken()), []);

  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200">
          Your password was changed. Sign in with your new password.
        </p>
        <Link href="/sign-in" className={buttonClass("primary", "md", "w-full")}>
          Sign in
        </Link>
      </div>
    );
  }
  if (token === null) {
    return (
      <p role="alert" className="text-sm text-zinc-700 dark:text-zinc-300">
        This page needs the link from your reset mail: open it from the mail again. {NEW_LINK}
      </p>
    );
  }
  const errors = fieldErrorsOf(reset.error);
  const general = formMessageOf(reset.error) ?? errors.token?.[0] ?? null;
  return (
    <Form onSubmit={() => token && reset.mutate({ token, password })} className="space-y-4" aria-label="Password reset">
      <FormError message={general} />
      {general && <p className="text-sm">{NEW_LINK}</p>}
      <TextField
        label="New password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        data-autofocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password?.[0]}
        hint="At least 10 characters. A short phrase works well."
      />
      <Button type="submit" className="w-full" pending={reset.isPending} disabled={!token}>
        Set new password
      </Button>
    </Form>
  );
}
