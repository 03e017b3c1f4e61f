import type { Metadata } from "next";
import Link from "next/link";
import { githubEnabled } from "@/server/auth";
import { safeCallbackUrl } from "@/app/_lib/callback-url";
import { AuthHeading } from "@/app/(auth)/_components/auth-heading";
import { GitHubButton } from "@/app/(auth)/_components/github-button";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// next-auth redirects here with ?error=<code> when an OAuth sign-in fails; say what happened in words.
const OAUTH_ERRORS: Record<string, string> = {
  GitHubEmailMissing: "GitHub did not share a verified email address. Add one to your GitHub account and try again.",
  OAuthAccountNotLinked: "This email already has an account. Sign in with your password instead.",
  AccessDenied: "Sign-in was cancelled.",
  SessionRequired: "Sign in to continue.",
};

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const code = typeof params.error === "string" ? params.error : undefined;
  const initialError = code ? (OAUTH_ERRORS[code] ?? "Sign-in failed. Try again.") : null;
  const signUpHref = callbackUrl === "/" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <>
      <AuthHeading title="Sign in to Junction">Welcome back. Pick up where your workflows left off.</AuthHeading>
      {githubEnabled() && <GitHubButton callbackUrl={callbackUrl} />}
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        New to Junction?{" "}
        <Link href={signUpHref} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Create an account
        </Link>
      </p>
    </>
  );
}
