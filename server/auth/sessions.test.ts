import { createServer, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { memberships, users } from "../../db/schema";
import { handleTrpc } from "../api/handler";
import { toRequest, writeResponse } from "../edge/node-fetch";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../http/csrf-header";
import { newUser } from "../testing/users";
import { type SessionClaims, userForSession } from "./sessions";

// Sessions over real HTTP through the handler the Next.js route serves. The route reads the claims from the
// next-auth cookie (server/auth.ts currentUser); here they come in a header, and are checked by the same
// userForSession. e2e/sessions.spec.ts drives the real cookie through sign-out.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const raw = req.headers["x-test-session"];
    const claims = typeof raw === "string" ? (JSON.parse(raw) as SessionClaims) : null;
    void handleTrpc(toRequest(req, undefined), { requestId: "req-sessions-0001", signedIn: () => userForSession(getDb(), claims) }).then((response) => writeResponse(res, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/trpc`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Answer = { status: number; data?: unknown; message?: string };

async function call(session: SessionClaims | null, path: string, input?: unknown, method: "GET" | "POST" = input === undefined ? "GET" : "POST"): Promise<Answer> {
  const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
  if (session) headers["x-test-session"] = JSON.stringify(session);
  const res =
    method === "GET"
      ? await fetch(`${base}/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`, { headers })
      : await fetch(`${base}/${path}`, { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ json: input ?? null }) });
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string } } };
  return { status: res.status, data: body.result?.data.json, message: body.error?.json.message };
}

/** A signed-up user and the session a sign-in now would give them. */
async function signedIn(name: string) {
  const u = await newUser(name);
  return { ...u, session: { userId: u.id, version: u.sessionVersion } };
}

const ENDED = "Your session has ended (signed out, or your access changed); sign in again.";
const me = (session: SessionClaims) => call(session, "me.get");

describe("ending sessions", () => {
  it("sign out everywhere refuses the session that asked, and a session issued afterwards works", async () => {
    const u = await signedIn("Everywhere");
    expect(await me(u.session)).toMatchObject({ status: 200, data: { id: u.id } });
    expect(await call(u.session, "me.signOutEverywhere", null, "POST")).toMatchObject({ status: 200 });
    expect(await me(u.session)).toEqual({ status: 401, data: undefined, message: ENDED });
    expect(await call(u.session, "workspace.create", { name: "After" })).toMatchObject({ status: 401, message: ENDED });
    const again = { userId: u.id, version: u.sessionVersion + 1 };
    expect(await me(again)).toMatchObject({ status: 200 });
  });

  it("a cookie from before session versions carries none and is refused", async () => {
    const u = await signedIn("Old cookie");
    expect(await me({ userId: u.id, version: null })).toMatchObject({ status: 401, message: ENDED });
  });

  it("a workspace role change by an owner ends the member's sessions, not the owner's", async () => {
    const [owner, member] = await Promise.all([signedIn("Owner"), signedIn("Member")]);
    const workspaceId = owner.personalWorkspaceId;
    await getDb().insert(memberships).values({ workspaceId, userId: member.id, role: "editor" });
    expect(await call(member.session, "workflow.list", { workspaceId }, "GET")).toMatchObject({ status: 200 });
    // Same role again: nothing changed, nothing ended.
    expect(await call(owner.session, "workspace.changeRole", { workspaceId, memberId: member.id, role: "editor" })).toMatchObject({ status: 200 });
    expect(await me(member.session)).toMatchObject({ status: 200 });
    expect(await call(owner.session, "workspace.changeRole", { workspaceId, memberId: member.id, role: "viewer" })).toMatchObject({ status: 200 });
    expect(await me(member.session)).toMatchObject({ status: 401, message: ENDED });
    expect(await me(owner.session)).toMatchObject({ status: 200 });
  });

  it("removal from a workspace by an admin ends the member's sessions; leaving it yourself does not", async () => {
    const [owner, removed, leaver] = await Promise.all([signedIn("Owner two"), signedIn("Removed"), signedIn("Leaver")]);
    const workspaceId = owner.personalWorkspaceId;
    await getDb().insert(memberships).values([
      { workspaceId, userId: removed.id, role: "editor" },
      { workspaceId, userId: leaver.id, role: "viewer" },
    ]);
    expect(await call(owner.session, "workspace.removeMember", { workspaceId, memberId: removed.id })).toMatchObject({ status: 200 });
    expect(await me(removed.session)).toMatchObject({ status: 401, message: ENDED });
    expect(await call(leaver.session, "workspace.removeMember", { workspaceId, memberId: leaver.id })).toMatchObject({ status: 200 });
    expect(await me(leaver.session)).toMatchObject({ status: 200 });
  });

  it("a platform demotion ends that user's sessions; a promotion keeps them", async () => {
    const [admin, dev] = await Promise.all([signedIn("Platform admin"), signedIn("Developer")]);
    await getDb().update(users).set({ platformRole: "admin" }).where(eq(users.id, admin.id));
    await getDb().update(users).set({ platformRole: "user" }).where(eq(users.id, dev.id)); // whoever signed up first is admin
    expect(await call(admin.session, "admin.setPlatformRole", { userId: dev.id, role: "user" })).toMatchObject({ status: 200 });
    expect(await me(dev.session)).toMatchObject({ status: 200 }); // already "user": no change
    expect(await call(admin.session, "admin.setPlatformRole", { userId: dev.id, role: "developer" })).toMatchObject({ status: 200, data: { userId: dev.id, role: "developer" } });
    expect(await me(dev.session)).toMatchObject({ status: 200 }); // promoted: signed in still, with the new role
    expect(await call(admin.session, "admin.setPlatformRole", { userId: dev.id, role: "user" })).toMatchObject({ status: 200, data: { userId: dev.id, role: "user" } });
    expect(await me(dev.session)).toMatchObject({ status: 401, message: ENDED });
    expect(await me(admin.session)).toMatchObject({ status: 200 });
  });

  it("a deleted user's session is signed out, not 'ended', and a signed-out caller is asked to sign in", async () => {
    const u = await signedIn("Deleted");
    await getDb().delete(users).where(eq(users.id, u.id));
    expect(await me(u.session)).toMatchObject({ status: 401, message: "Sign in to continue." });
    expect(await me(null as unknown as SessionClaims)).toMatchObject({ status: 401, message: "Sign in to continue." });
  });
});
