"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Form } from "@/app/_components/form";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  if (request.isSuccess) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200">
        <p className="font-medium">Check your email</p>
        <p>
          If an account uses {request.variables.email}, a link to reset its password is on its way. The link works once, for 30 minutes. Nothing
          arrived? Check the spam folder, or ask again in a minute.
        </p>
      </div>
    );
  }
  return (
    <Form onSubmit={() => request.mutate({ email })} className="space-y-4" aria-label="Reset password">
      <FormError message={formMessageOf(request.error)} />
      <TextField label="Email" type="email" name="email" autoComplete="email" required data-autofocus value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrorsOf(request.error).email?.[0]} />
      <Button type="submit" className="w-full" pending={request.isPending}>
        Send reset link
      </Button>
    </Form>
  );
}
