import type { Metadata } from "next";
import Link from "next/link";
import { githubEnabled } from "@/server/auth";
import { safeCallbackUrl } from "@/app/_lib/callback-url";
import { AuthHeading } from "@/app/(auth)/_components/auth-heading";
import { GitHubButton } from "@/app/(auth)/_components/github-button";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: Search }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const signInHref = callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <>
      <AuthHeading title="Create your account">Automate the busywork between your apps, on your own servers.</AuthHeading>
      {githubEnabled() && <GitHubButton callbackUrl={callbackUrl} />}
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href={signInHref} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </>
  );
}
