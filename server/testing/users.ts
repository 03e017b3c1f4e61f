import { getDb } from "../../db/client";
import { contextForUser } from "../api/context";
import { createCaller } from "../api/root";
import { currentSessionVersion } from "../auth/sessions";
import { signUp } from "../auth/users";
import { listMyWorkspaces } from "../workspaces/service";
import { linkTokenIn, waitForMail } from "./mailbox";

let n = 0;

/** Signs up a real user through the service (real scrypt hash) and returns a tRPC caller acting as them, and the session version a cookie minted for them must carry. */
export async function newUser(name = "Test User") {
  n += 1;
  const email = `user${n}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = "correct horse battery staple";
  const user = await signUp(getDb(), { name, email, password });
  const [personal] = await listMyWorkspaces(getDb(), user.id);
  const sessionVersion = (await currentSessionVersion(getDb(), user.id))!;
  return { ...user, password, personalWorkspaceId: personal!.id, sessionVersion, caller: await callerFor(user.id) };
}

export async function callerFor(userId: string | null) {
  return createCaller(await contextForUser(userId));
}

type TestUser = Awaited<ReturnType<typeof newUser>>;

/**
 * Makes `member` a member of a workspace the way people do: an admin invites their address, and they accept with
 * the link from the invitation mail.
 */
export async function addMember(admin: TestUser, workspaceId: string, member: TestUser, role: "owner" | "admin" | "editor" | "viewer") {
  const since = new Date(Date.now() - 1000);
  await admin.caller.workspace.invite({ workspaceId, email: member.email, role });
  const mail = await waitForMail(member.email, "invited you", since);
  await member.caller.invitation.accept({ token: linkTokenIn(mail.text) });
}
