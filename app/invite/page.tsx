import type { Metadata } from "next";
import { contextForUser } from "@/server/api/context";
import { currentUserId } from "@/server/auth";
import { CenteredCard } from "@/app/_components/centered-card";
import { InvitationView } from "./invitation-view";

export const metadata: Metadata = { title: "Invitation" };
// Who is signed in decides what the page offers; never prerender.
export const dynamic = "force-dynamic";

/** Where an invitation mail's link lands, signed in or not. The token is in the fragment, read in the browser. */
export default async function InvitePage() {
  const { user } = await contextForUser(await currentUserId());
  return (
    <CenteredCard>
      <InvitationView me={user ? { email: user.email, name: user.name } : null} />
    </CenteredCard>
  );
}
