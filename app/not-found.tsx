import type { Metadata } from "next";
import { ButtonLink } from "./_components/button";
import { Logo } from "./_components/logo";

export const metadata: Metadata = { title: "Not found" };

/** For URLs that match no route at all (signed-in pages have their own, inside the app shell). */
export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">The link may be old, or the address mistyped.</p>
      </div>
      <ButtonLink href="/">Go to your workflows</ButtonLink>
    </main>
  );
}
