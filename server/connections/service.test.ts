import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { getDb } from "../../db/client";
import { connections } from "../../db/schema";
import { addMember, newUser } from "../testing/users";
import { installKinds } from "./testing/kinds-integration";
import { openCredentials } from "./vault";

let owner: Awaited<ReturnType<typeof newUser>>;
let viewer: Awaited<ReturnType<typeof newUser>>;
let outsider: Awaited<ReturnType<typeof newUser>>;
let workspaceId: string;

const SECRET = "sk_live_very_secret_value_123";

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    // What the error formatter sends the form: zod's per-field messages, or the service's fieldErrors.
    const fieldErrors = e.cause instanceof ZodError ? z.flattenError(e.cause).fieldErrors : (e.cause as { fieldErrors?: unknown } | undefined)?.fieldErrors;
    return { code: e.code, message: e.message, fieldErrors };
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  owner = await newUser("Olivia Owner");
  viewer = await newUser("Vic Viewer");
  outsider = await newUser("Oscar Outsider");
  workspaceId = (await owner.caller.workspace.create({ name: "Team" })).id;
  await addMember(owner, workspaceId, viewer, "viewer");
  await installKinds(getDb(), workspaceId);
});

describe("connections API", () => {
  it("creates an API-key connection and returns only which fields are set", async () => {
    const c = await owner.caller.connection.create({ workspaceId, name: "Stripe", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: SECRET } });
    expect(c.fields).toEqual({ apiKey: "set" });
    expect(JSON.stringify(c)).not.toContain(SECRET);
    expect(JSON.stringify(await owner.caller.connection.get({ workspaceId, connectionId: c.id }))).not.toContain(SECRET);
    expect(JSON.stringify(await viewer.caller.connection.list({ workspaceId }))).not.toContain(SECRET);
    // The row holds ciphertext only.
    const [row] = await getDb().select().from(connections).where(eq(connections.id, c.id));
    expect(row!.ciphertext.toString("latin1")).not.toContain(SECRET);
    expect(row!.keyVersion).toBe(1);
  });

  it("updates partially: rename, set one field, unset another; the worker sees the merged secrets", async () => {
    const c = await owner.caller.connection.create({
      workspaceId, name: "Acme", integrationSlug: "kinds", kind: "custom", fields: { token: "t1", region: "eu" },
    });
    const u = await owner.caller.connection.update({ workspaceId, connectionId: c.id, name: "Acme EU", set: { token: "t2", extra: "x" }, unset: ["region"] });
    expect(u).toMatchObject({ name: "Acme EU", fields: { token: "set", extra: "set" } });
    expect(u.fields).not.toHaveProperty("region");
    const opened = await openCredentials(getDb(), { workspaceId, connectionId: c.id });
    expect(opened.credentials).toEqual({ token: "t2", extra: "x" });
    // Unsetting a basic connection's password leaves the field listed as unset.
    const b = await owner.caller.connection.create({ workspaceId, name: "FTP", integrationSlug: "kinds", kind: "basic", fields: { username: "u", password: "p" } });
    expect((await owner.caller.connection.update({ workspaceId, connectionId: b.id, unset: ["password"] })).fields).toEqual({ username: "set", password: "unset" });
  });

  it("refuses bad input with per-field messages, never a 500", async () => {
    const missing = await failure(owner.caller.connection.create({ workspaceId, name: "", integrationSlug: "Bad Slug", kind: "api_key", fields: { apiKey: "" } }));
    expect(missing).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        name: ["Give the connection a name"],
        integrationSlug: [expect.stringContaining("lowercase letters")],
        fields: [expect.stringContaining("apiKey: the API key is required")],
      },
    });
    const kind = await failure(owner.caller.connection.create({ workspaceId, name: "x", integrationSlug: "x", kind: "ssh" as "api_key", fields: { apiKey: "k" } }));
    expect(kind).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { kind: [expect.stringContaining('kind must be "api_key"')] } });
    const c = await owner.caller.connection.create({ workspaceId, name: "K", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: "k" } });
    const wrongField = await failure(owner.caller.connection.update({ workspaceId, connectionId: c.id, set: { password: "p" } }));
    expect(wrongField).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { set: [expect.stringContaining("no editable field password")] } });
    const badId = await failure(owner.caller.connection.get({ workspaceId, connectionId: "nope" }));
    expect(badId.code).toBe("BAD_REQUEST");
  });

  it("refuses an integration the workspace does not have, and a kind its manifest does not declare, naming the field", async () => {
    const unknown = await failure(owner.caller.connection.create({ workspaceId, name: "Stripe live", integrationSlug: "stripe", kind: "api_key", fields: { apiKey: "k" } }));
    expect(unknown).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { integrationSlug: [expect.stringContaining('"stripe" is not an integration this workspace has')] } });
    // HTTP Request (official, so every workspace has it) declares one custom connection only.
    const wrongKind = await failure(owner.caller.connection.create({ workspaceId, name: "H", integrationSlug: "http-request", kind: "api_key", fields: { apiKey: "k" } }));
    expect(wrongKind).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { kind: ["HTTP Request has no API key connection; it declares HTTP authentication (custom fields)."] } });
    const noConnection = await failure(owner.caller.connection.create({ workspaceId, name: "C", integrationSlug: "code", kind: "custom", fields: { x: "y" } }));
    expect(noConnection).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { integrationSlug: [expect.stringContaining("declares no connection")] } });
    const oauth = await failure(owner.caller.connection.oauthStart({ workspaceId, name: "O", integrationSlug: "stripe", authorizeUrl: "https://example.com/a", tokenUrl: "https://example.com/t", clientId: "c", clientSecret: "s" }));
    expect(oauth).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { integrationSlug: [expect.stringContaining('"stripe"')] } });
    const oauthKind = await failure(owner.caller.connection.oauthStart({ workspaceId, name: "O", integrationSlug: "http-request", authorizeUrl: "https://example.com/a", tokenUrl: "https://example.com/t", clientId: "c", clientSecret: "s" }));
    expect(oauthKind).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { kind: [expect.stringContaining("has no OAuth2 connection")] } });
    // Another workspace's installed integration is not this one's.
    expect((await failure(outsider.caller.connection.create({ workspaceId: outsider.personalWorkspaceId, name: "K", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: "k" } }))).fieldErrors).toMatchObject({ integrationSlug: [expect.any(String)] });
    expect(await getDb().select().from(connections).where(eq(connections.name, "Stripe live"))).toEqual([]);
  });

  it("lets a viewer read but not change, and hides the workspace from non-members", async () => {
    const c = await owner.caller.connection.create({ workspaceId, name: "V", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: "k" } });
    expect((await failure(viewer.caller.connection.create({ workspaceId, name: "n", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: "k" } }))).code).toBe("FORBIDDEN");
    expect((await failure(viewer.caller.connection.update({ workspaceId, connectionId: c.id, name: "n" }))).code).toBe("FORBIDDEN");
    expect((await failure(viewer.caller.connection.delete({ workspaceId, connectionId: c.id }))).code).toBe("FORBIDDEN");
    expect((await failure(outsider.caller.connection.get({ workspaceId, connectionId: c.id }))).code).toBe("NOT_FOUND");
    // A connection id from another workspace is not found through this one, for the API and for the worker.
    expect((await failure(outsider.caller.connection.get({ workspaceId: outsider.personalWorkspaceId, connectionId: c.id }))).code).toBe("NOT_FOUND");
    await expect(openCredentials(getDb(), { workspaceId: outsider.personalWorkspaceId, connectionId: c.id })).rejects.toThrow("no longer exists");
    await owner.caller.connection.delete({ workspaceId, connectionId: c.id });
    expect((await failure(owner.caller.connection.get({ workspaceId, connectionId: c.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses a ciphertext moved to another row", async () => {
    const a = await owner.caller.connection.create({ workspaceId, name: "A", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: "key-a" } });
    const b = await owner.caller.connection.create({ workspaceId, name: "B", integrationSlug: "kinds", kind: "api_key", fields: { apiKey: "key-b" } });
    const [rowA] = await getDb().select().from(connections).where(eq(connections.id, a.id));
    await getDb().update(connections).set({ ciphertext: rowA!.ciphertext }).where(eq(connections.id, b.id));
    await expect(openCredentials(getDb(), { workspaceId, connectionId: b.id })).rejects.toThrow("failed authentication");
    expect((await openCredentials(getDb(), { workspaceId, connectionId: a.id })).credentials).toEqual({ apiKey: "key-a" });
  });
});
