import { redirect } from "next/navigation";
import { contextFor } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { currentUser } from "@/server/auth";

export const dynamic = "force-dynamic";

/** "/" has no page of its own: signed-in users land on their personal workspace, everyone else signs in. */
export default async function Home() {
  const ctx = contextFor(await currentUser());
  if (!ctx.user) redirect("/sign-in");
  const workspaces = await createCaller(ctx).workspace.list();
  const home = workspaces.find((w) => w.personal) ?? workspaces[0];
  // Every account gets a personal workspace at sign-up; without any, only settings make sense.
  redirect(home ? `/w/${home.id}` : "/settings/profile");
}
