import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/server/auth";
import { Logo } from "@/app/_components/logo";

// Reads the session cookie on every request; never prerender.
export const dynamic = "force-dynamic";

/** Sign-in and sign-up share a centred card. Someone already signed in (and still existing) goes to the app. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  // A session for a deleted user, or one that was ended, must still reach these pages, or "/" and sign-in would
  // redirect in a loop.
  if ((await currentUser()).user) redirect("/");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12 dark:bg-zinc-950">
      <div className="mb-8">
        <Logo className="text-lg" />
      </div>
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
        {children}
      </div>
      <p className="mt-8 text-xs text-zinc-500 dark:text-zinc-400">Self-hosted workflow automation</p>
    </main>
  );
}
