"use client";
import { useEffect } from "react";
import { Spinner } from "@/app/_components/spinner";

export function SignInRedirect() {
  useEffect(() => {
    const back = window.location.pathname + window.location.search;
    window.location.replace(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }, []);
  return (
    <main className="flex min-h-dvh items-center justify-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
      <Spinner /> Taking you to sign in…
    </main>
  );
}
