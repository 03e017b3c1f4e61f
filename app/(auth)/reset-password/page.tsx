import type { Metadata } from "next";
import { AuthHeading } from "@/app/(auth)/_components/auth-heading";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default function ResetPasswordPage() {
  return (
    <>
      <AuthHeading title="Choose a new password">Pick a password you do not use anywhere else. A short phrase works well.</AuthHeading>
      <ResetPasswordForm />
    </>
  );
}
