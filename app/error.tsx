"use client";
import { Button } from "./_components/button";
import { Logo } from "./_components/logo";

/** Last-resort boundary for pages outside the app shell (sign-in, sign-up) and for the shell's own layout. */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 text-center" data-testid="error-state">
      <Logo />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Junction is having trouble</h1>
        <p className="mt-2 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
          This page could not load. If it keeps happening, the server log has the details
          {error.digest ? ` (reference ${error.digest})` : ""}.
        </p>
      </div>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
