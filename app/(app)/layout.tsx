import type { ReactNode } from "react";
import { AppShell } from "./_shell/app-shell";
import { SignInRedirect } from "./_shell/sign-in-redirect";
import { requestContext, serverCaller } from "./_server/session";

export const dynamic = "force-dynamic";

/** The signed-in product. Signed-out visitors are sent to sign in, and brought back here afterwards. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requestContext();
  // A client redirect because only the browser knows the full URL to come back to (layouts get no pathname).
  if (!ctx.user) return <SignInRedirect />;
  const workspaces = await (await serverCaller()).workspace.list();
  return (
    <AppShell me={ctx.user} workspaces={workspaces}>
      {children}
    </AppShell>
  );
}
