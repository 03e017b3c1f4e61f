"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { Section } from "@/app/_components/page-header";
import { formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/** "Sign out everywhere": ends every session of this account (server/auth/sessions.ts), then this browser's too. */
export function SessionsSection() {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation(trpc.me.signOutEverywhere.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: "/sign-in" }) }));
  return (
    <Section title="Sessions" description="Every browser and device signed in to your account in the last 30 days." testId="sessions-section">
      <div className="flex max-w-lg flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Lost a device, or signed in on a shared computer? End every session at once, this one included.</p>
        <Button variant="secondary" className="shrink-0" onClick={() => setConfirming(true)}>
          Sign out everywhere
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        description="Every browser and device signed in to your account is signed out at once, this one included. Each of them will have to sign in again."
        confirmLabel="Sign out everywhere"
        onConfirm={() => end.mutate()}
        onClose={() => setConfirming(false)}
        pending={end.isPending || end.isSuccess}
        error={formMessageOf(end.error)}
      />
    </Section>
  );
}
