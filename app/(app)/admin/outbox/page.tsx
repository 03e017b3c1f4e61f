import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { requestContext } from "@/app/(app)/_server/session";
import { OutboxList } from "./outbox-list";

export const metadata: Metadata = { title: "Outbox" };

/** Mail Junction kept instead of sending (no SMTP_URL): a development install's mailbox. Platform admins only. */
export default async function OutboxPage() {
  const { user } = await requestContext();
  if (user?.platformRole !== "admin") notFound();
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow="Admin"
        title="Outbox"
        description="Mail that Junction keeps here instead of sending, because no SMTP_URL is set. Links in it work: share them only with the person they were for."
      />
      <OutboxList />
    </div>
  );
}
