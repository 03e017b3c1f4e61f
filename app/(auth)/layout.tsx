import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/server/auth";
import { CenteredCard } from "@/app/_components/centered-card";

// Reads the session cookie on every request; never prerender.
export const dynamic = "force-dynamic";

/** Sign-in and sign-up share a centred card. Someone already signed in (and still existing) goes to the app. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  // A session for a deleted user, or one that was ended, must still reach these pages, or "/" and sign-in would
  // redirect in a loop.
  if ((await currentUser()).user) redirect("/");
  return <CenteredCard>{children}</CenteredCard>;
}
