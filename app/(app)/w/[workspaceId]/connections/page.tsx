import type { Metadata } from "next";
import { ConnectionsPage } from "./connections-page";

export const metadata: Metadata = { title: "Connections" };

/** The OAuth callback lands here with ?connected=<id> or ?oauthError=<message>; read on the server, shown once. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  return <ConnectionsPage connected={one(q.connected)} oauthError={one(q.oauthError)} />;
}
