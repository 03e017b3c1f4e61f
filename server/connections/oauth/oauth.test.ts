import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../../db/client";
import { connections, oauthStates } from "../../../db/schema";
import { addMember, newUser } from "../../testing/users";
import { installKinds } from "../testing/kinds-integration";
import { unsealConnection } from "../row-seal";
import { openCredentials } from "../vault";
import { completeOAuth, OAuthCallbackError } from "./callback";
import { oauthRedirectUri } from "./redirect-uri";
import { followToRedirect, startLoopbackProvider, type LoopbackProvider } from "./testing/loopback-provider";

// The callback route reads the session through next-auth; here the session is whoever `sessionUser` names.
let sessionUser: string | null = null;
vi.mock("../../auth", () => ({ currentUserId: async () => sessionUser }));
const { GET: callbackRoute } = await import("../../../app/api/oauth/callback/route");

let op: LoopbackProvider;
let owner: Awaited<ReturnType<typeof newUser>>;
let other: Awaited<ReturnType<typeof newUser>>;
let workspaceId: string;

const start = (overrides: Record<string, unknown> = {}) =>
  owner.caller.connection.oauthStart({
    workspaceId, name: "Loopback", integrationSlug: "kinds", authorizeUrl: `${op.issuer}/auth`, tokenUrl: `${op.issuer}/token`,
    clientId: op.clientId, clientSecret: op.clientSecret, scopes: ["openid"], ...overrides,
  });
const userinfo = (token: string) => fetch(`${op.issuer}/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
const row = async (id: string) => (await getDb().select().from(connections).where(eq(connections.id, id)))[0]!;

async function callbackError(params: URLSearchParams, userId = owner.id): Promise<OAuthCallbackError> {
  const e = await completeOAuth(getDb(), userId, params).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(OAuthCallbackError);
  return e as OAuthCallbackError;
}

beforeAll(async () => {
  op = await startLoopbackProvider(oauthRedirectUri());
  owner = await newUser("Olivia Owner");
  other = await newUser("Otto Other");
  workspaceId = owner.personalWorkspaceId;
  await installKinds(getDb(), workspaceId);
});
afterAll(() => op.close());

describe("OAuth2 connect flow against oidc-provider", () => {
  let connectionId: string;

  it("start → authorize → callback route → tokens stored sealed", async () => {
    const { authorizeUrl } = await start();
    const q = new URL(authorizeUrl).searchParams;
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    // Only the state's hash is kept; the verifier and client secret are sealed.
    const [pending] = await getDb().select().from(oauthStates);
    expect(pending!.stateHash).not.toBe(q.get("state"));
    expect(pending!.ciphertext.toString("latin1")).not.toContain(op.clientSecret);

    const back = await followToRedirect(authorizeUrl, oauthRedirectUri());
    expect(back.searchParams.get("code")).toBeTruthy();
    sessionUser = owner.id;
    const res = await callbackRoute(new Request(back), {});
    expect(res.status).toBe(303);
    const landed = new URL(res.headers.get("location")!);
    expect(landed.pathname).toBe(`/w/${workspaceId}/connections`);
    connectionId = landed.searchParams.get("connected")!;

    const stored = await row(connectionId);
    const secrets = unsealConnection(stored);
    expect(stored).toMatchObject({ kind: "oauth2", health: "ok", fieldNames: ["clientSecret", "accessToken", "refreshToken"] });
    expect(stored.oauthExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    for (const plain of [secrets.accessToken!, secrets.refreshToken!, op.clientSecret]) {
      expect(stored.ciphertext.toString("latin1")).not.toContain(plain);
      expect(JSON.stringify(stored.config)).not.toContain(plain);
    }
    expect(await userinfo(secrets.accessToken!)).toBe(200);
    const view = await owner.caller.connection.get({ workspaceId, connectionId });
    expect(view.fields).toEqual({ clientSecret: "set", accessToken: "set", refreshToken: "set" });
    expect(JSON.stringify(view)).not.toContain(secrets.accessToken!);
  });

  it("refreshes proactively when the worker opens a token about to expire, and only once under concurrency", async () => {
    const before = unsealConnection(await row(connectionId));
    await getDb().update(connections).set({ oauthExpiresAt: new Date(Date.now() + 30_000) }).where(eq(connections.id, connectionId));
    const opened = await Promise.all([1, 2, 3].map(() => openCredentials(getDb(), { workspaceId, connectionId })));
    expect(new Set(opened.map((o) => o.credentials.accessToken)).size).toBe(1);
    expect(opened[0]!.credentials.accessToken).not.toBe(before.accessToken);
    expect(Object.keys(opened[0]!.credentials).sort()).toEqual(["accessToken", "tokenType"]); // no refresh token or client secret
    expect((await row(connectionId)).oauthExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(await userinfo(opened[0]!.credentials.accessToken!)).toBe(200);
  });

  it("refreshes on demand: a new access token, the rotated refresh token stored, the old one spent", async () => {
    const before = unsealConnection(await row(connectionId));
    await owner.caller.connection.refresh({ workspaceId, connectionId });
    const after = unsealConnection(await row(connectionId));
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await userinfo(after.accessToken!)).toBe(200);
    expect((await row(connectionId)).ciphertext.toString("latin1")).not.toContain(after.accessToken!);
    // The provider rotated the refresh token: the old one no longer works there (oidc-provider also revokes the
    // grant on such reuse, which is why this runs after the other refreshes).
    const reuse = await fetch(`${op.issuer}/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${op.clientId}:${op.clientSecret}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: before.refreshToken! }),
    });
    expect(((await reuse.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a replayed, unknown, missing or someone else's state with a clear message", async () => {
    const { authorizeUrl } = await start();
    const back = await followToRedirect(authorizeUrl, oauthRedirectUri());
    const stolen = await callbackError(back.searchParams, other.id);
    expect(stolen.message).toContain("started by another user");
    // The attempt used the state up: the rightful user now gets "already used", not a connection.
    expect((await callbackError(back.searchParams)).message).toBe("This authorization is not valid or was already used. Start connecting again.");
    expect((await callbackError(new URLSearchParams({ code: "x", state: "forged" }))).message).toContain("not valid or was already used");
    expect((await callbackError(new URLSearchParams({ code: "x" }))).message).toContain("carried no state");
    // The route shows the same message as a redirect, not a 500.
    const res = await callbackRoute(new Request(back), {});
    expect(new URL(res.headers.get("location")!).searchParams.get("oauthError")).toContain("already used");
  });

  it("refuses an expired state", async () => {
    const { authorizeUrl } = await start();
    await getDb().update(oauthStates).set({ expiresAt: new Date(Date.now() - 1000) });
    const back = await followToRedirect(authorizeUrl, oauthRedirectUri());
    expect((await callbackError(back.searchParams)).message).toContain("expired");
  });

  it("turns access_denied into a readable message in the user's workspace", async () => {
    op.decision = "deny";
    const { authorizeUrl } = await start();
    const back = await followToRedirect(authorizeUrl, oauthRedirectUri());
    op.decision = "approve";
    expect(back.searchParams.get("error")).toBe("access_denied");
    const res = await callbackRoute(new Request(back), {});
    const landed = new URL(res.headers.get("location")!);
    expect(landed.pathname).toBe(`/w/${workspaceId}/connections`);
    expect(landed.searchParams.get("oauthError")).toBe("Access was denied at the provider (The user declined), so nothing was connected.");
  });

  it("reports a token exchange the provider refuses (wrong client secret) without a 500", async () => {
    const { authorizeUrl } = await start({ clientSecret: "wrong-secret" });
    const back = await followToRedirect(authorizeUrl, oauthRedirectUri());
    const e = await callbackError(back.searchParams);
    expect(e.message).toMatch(/^The provider refused the token request: invalid_client/);
    expect(e.workspaceId).toBe(workspaceId);
  });

  it("refuses bad start input per field and a viewer's start", async () => {
    const e = await start({ authorizeUrl: "javascript:alert(1)", clientId: "" }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe("BAD_REQUEST");
    await addMember(owner, workspaceId, other, "viewer");
    const viewerStart = await other.caller.connection
      .oauthStart({ workspaceId, name: "x", integrationSlug: "x", authorizeUrl: `${op.issuer}/auth`, tokenUrl: `${op.issuer}/token`, clientId: "c", clientSecret: "s" })
      .then(() => null, (err: unknown) => err);
    expect((viewerStart as TRPCError).code).toBe("FORBIDDEN");
  });
});
