import type { Metadata } from "next";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { SessionsSection } from "./sessions-section";
import { PageHeader } from "@/app/_components/page-header";

export const metadata: Metadata = { title: "Profile" };

export default function ProfilePage() {
  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Account" title="Profile" description="How you appear to the people you work with." />
      <ProfileForm />
      <PasswordForm />
      <SessionsSection />
    </div>
  );
}
