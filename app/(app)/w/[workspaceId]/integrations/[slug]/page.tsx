import type { Metadata } from "next";
import { IntegrationDetail } from "./integration-detail";

export const metadata: Metadata = { title: "Integration" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <IntegrationDetail slug={decodeURIComponent(slug)} />;
}
