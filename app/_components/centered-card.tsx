import type { ReactNode } from "react";
import { Logo } from "./logo";

/** The centred card of the pages outside the product: sign-in, sign-up, password reset, invitations. */
export function CenteredCard({ children }: { children: ReactNode }) {
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
