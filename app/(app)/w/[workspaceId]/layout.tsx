import type { ReactNode } from "react";
import { orNotFound } from "@/app/(app)/_server/not-found-on";
import { requestContext, serverCaller } from "@/app/(app)/_server/session";
import { WorkspaceProvider } from "./workspace-context";

type Params = Promise<{ workspaceId: string }>;

/** Confirms membership once for every page in the workspace; outsiders and bad ids get the not-found page. */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { workspaceId } = await params;
  if (!(await requestContext()).user) return null; // the parent layout is already redirecting to sign-in
  const caller = await serverCaller();
  const workspace = await orNotFound(() => caller.workspace.get({ workspaceId }));
  return <WorkspaceProvider initial={workspace}>{children}</WorkspaceProvider>;
}
