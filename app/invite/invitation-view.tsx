"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { Spinner } from "@/app/_components/spinner";
import { takeLinkToken } from "@/app/_lib/link-token";
import { withArticle } from "@/app/_lib/roles";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

// Kept in this tab while the invitee signs in or creates an account, then brought back here (callbackUrl=/invite).
const KEEP_AS = "junction.invitation";
const AFTER = encodeURIComponent("/invite");

/** The invitation: who invited whom to what, and accept or decline, or what to do first (sign in, switch account). */
export function InvitationView({ me }: { me: { email: string; name: string } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const preview = useMutation(trpc.invitation.preview.mutationOptions());
  const forget = () => sessionStorage.removeItem(KEEP_AS);
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ workspaceId }) => {
        forget();
        router.replace(`/w/${workspaceId}`);
        router.refresh();
      },
    }),
  );
  const decline = useMutation(trpc.invitation.decline.mutationOptions({ onSuccess: forget }));
  const { mutate: open } = preview;

  useEffect(() => {
    const t = takeLinkToken(KEEP_AS);
    setToken(t);
    if (t) open({ token: t });
  }, [open]);

  if (token === null) {
    return <Heading title="Open your invitation">This page needs the link from your invitation mail. Open the link from the mail again.</Heading>;
  }
  if (preview.isError) return <Heading title="This invitation cannot be opened">{messageOf(preview.error)}</Heading>;
  if (!preview.data || !token) {
    return (
      <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" role="status">
        <Spinner /> Opening your invitation…
      </p>
    );
  }
  const inv = preview.data;
  if (decline.isSuccess) return <Heading title="Invitation declined">You declined the invitation to “{decline.data.workspace}”. Nobody was added.</Heading>;
  if (inv.problem) return <Heading title={`Invitation to “${inv.workspace}”`}>{inv.problem}</Heading>;

  const intro = `${inv.inviter} invited ${inv.email} to join “${inv.workspace}” as ${withArticle(inv.role)}.`;
  const declineButton = (
    <Button variant="secondary" className="w-full" pending={decline.isPending} onClick={() => decline.mutate({ token })}>
      Decline
    </Button>
  );
  return (
    <div className="space-y-4">
      <Heading title={`Join “${inv.workspace}”`}>{intro}</Heading>
      <FormError message={accept.error ? messageOf(accept.error) : decline.error ? messageOf(decline.error) : null} />
      {!me ? (
        <div className="space-y-2">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">Sign in with {inv.email} to accept, or create an account with that address.</p>
          <Link href={`/sign-in?callbackUrl=${AFTER}`} className={buttonClass("primary", "md", "w-full")}>
            Sign in to accept
          </Link>
          <Link href={`/sign-up?callbackUrl=${AFTER}`} className={buttonClass("secondary", "md", "w-full")}>
            Create an account
          </Link>
          {declineButton}
        </div>
      ) : me.email !== inv.email ? (
        <div className="space-y-2">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            You are signed in as {me.email}. Sign out, then sign in (or create an account) with {inv.email} to accept.
          </p>
          <Button className="w-full" onClick={() => signOut({ callbackUrl: "/invite" })}>
            Sign out
          </Button>
          {declineButton}
        </div>
      ) : (
        <div className="space-y-2">
          <Button className="w-full" pending={accept.isPending} onClick={() => accept.mutate({ token })}>
            Accept and join
          </Button>
          {declineButton}
        </div>
      )}
    </div>
  );
}

function Heading({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}
