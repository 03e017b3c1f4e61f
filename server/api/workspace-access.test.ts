import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { runs, workflowVersions } from "../../db/schema";
import { appRouter } from "./root";
import { workspaceInput } from "./trpc";
import { addMember, callerFor, newUser } from "../testing/users";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Procedure = { _def: { type: "query" | "mutation"; inputs: unknown[] } };

// Every procedure built on workspaceProcedure, found from the router itself, so a new one cannot escape this test.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>).filter(([, p]) => p._def.inputs.includes(workspaceInput));

let owner: Awaited<ReturnType<typeof newUser>>;
let viewer: Awaited<ReturnType<typeof newUser>>;
let outsider: Awaited<ReturnType<typeof newUser>>;
let workspaceId: string;
let workflowId: string;
let runId: string;
let otherRunId: string;
let versionId: string;
let connectionId: string;
let fixtureId: string;
let invitationId: string;

/** A valid input for each workspace procedure, aimed at the owner's real workspace and data. */
function sampleInput(path: string): Record<string, unknown> {
  const samples: Record<string, Record<string, unknown>> = {
    "workspace.get": {},
    "workspace.rename": { name: "Hijacked" },
    "workspace.delete": {},
    "workspace.members": {},
    "workspace.invite": { email: outsider.email, role: "owner" },
    "workspace.changeRole": { memberId: owner.id, role: "viewer" },
    "workspace.removeMember": { memberId: owner.id },
    "workspace.invitations": {},
    "workspace.resendInvitation": { invitationId },
    "workspace.revokeInvitation": { invitationId },
    "workflow.list": {},
    "workflow.get": { workflowId },
    "workflow.create": { name: "Intruder" },
    "workflow.rename": { workflowId, name: "Hijacked" },
    "workflow.duplicate": { workflowId },
    "workflow.delete": { workflowId },
    "workflow.saveDraft": { workflowId, draftRevision: 1, graph: { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }], edges: [] } },
    "workflow.publish": { workflowId, message: "Hijacked" },
    "workflow.versions": { workflowId },
    "workflow.version": { workflowId, versionId },
    "workflow.setActive": { workflowId, active: true },
    "workflow.runManual": { workflowId, payload: { body: { hello: "world" } } },
    "webhook.get": { workflowId },
    "webhook.create": { workflowId },
    "webhook.setSecret": { workflowId, secret: "stolen-secret" },
    "webhook.rotateSecret": { workflowId, secret: "stolen-secret-2" },
    "webhook.clearSecrets": { workflowId },
    "webhook.rotateUrl": { workflowId, grace: "none" },
    "webhook.setEnabled": { workflowId, enabled: false },
    "run.start": { workflowId, input: {}, draft: true },
    "run.list": {},
    "run.counts": {},
    "run.get": { runId },
    "run.cancel": { runId },
    "run.retry": { runId, from: "start" },
    "run.rerunLatest": { runId },
    "run.compare": { runId, otherRunId },
    "run.lastSuccess": { runId },
    "workflow.export": { workflowId },
    "workflow.previewImport": { file: { schemaVersion: 1, nodes: [], edges: [] } },
    "workflow.import": { file: { schemaVersion: 1, nodes: [], edges: [] } },
    "connection.list": {},
    "connection.get": { connectionId },
    "connection.create": { name: "Intruder", integrationSlug: "stripe", kind: "api_key", fields: { apiKey: "k" } },
    "connection.update": { connectionId, name: "Hijacked", set: { apiKey: "stolen" } },
    "connection.delete": { connectionId },
    "connection.oauthStart": { name: "Intruder", integrationSlug: "x", authorizeUrl: "https://example.com/auth", tokenUrl: "https://example.com/token", clientId: "c", clientSecret: "s" },
    "connection.refresh": { connectionId },
    "trigger.schedulePreview": { cron: "0 9 * * MON-FRI", timezone: "Europe/Berlin" },
    "trigger.status": { workflowId },
    "connection.test": { connectionId },
    "integration.catalog": {},
    "fixture.list": { workflowId },
    "fixture.get": { fixtureId },
    "fixture.create": { workflowId, name: "Intruder", from: { kind: "manual", payload: { body: { a: 1 } } } },
    "fixture.rename": { fixtureId, name: "Hijacked" },
    "fixture.update": { fixtureId, payload: { body: { stolen: true } } },
    "fixture.delete": { fixtureId },
    "testRun.start": { workflowId, mode: "workflow", fixtureId },
    "testRun.latest": { workflowId },
    "integration.options": { integration: "http-request", version: "1.2.0", action: "send_request", field: "url", input: {} },
  };
  const sample = samples[path];
  if (!sample) throw new Error(`add a sample input for the new workspace procedure "${path}" to this test`);
  return { workspaceId, ...sample };
}

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  return fn(input);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? err.code : `unexpected ${String(err)}`;
  }
}

beforeAll(async () => {
  owner = await newUser("Olivia Owner");
  viewer = await newUser("Vic Viewer");
  outsider = await newUser("Oscar Outsider");
  const ws = await owner.caller.workspace.create({ name: "Team" });
  workspaceId = ws.id;
  await addMember(owner, workspaceId, viewer, "viewer");
  invitationId = (await owner.caller.workspace.invite({ workspaceId, email: "pending-invitee@example.com", role: "editor" })).id;
  workflowId = (await owner.caller.workflow.create({ workspaceId, name: "Nightly sync" })).id;
  // A run row to aim at (no worker here: every call below is refused before Temporal is reached, or only reads).
  runId = `run_${crypto.randomUUID()}`;
  otherRunId = `run_${crypto.randomUUID()}`;
  await getDb().insert(runs).values([{ id: runId, workspaceId, workflowId }, { id: otherRunId, workspaceId, workflowId }]);
  const [version] = await getDb().insert(workflowVersions).values({ workflowId, number: 1, graph: { schemaVersion: 1, nodes: [], edges: [] } }).returning();
  versionId = version!.id;
  fixtureId = (await owner.caller.fixture.create({ workspaceId, workflowId, name: "Sample order", from: { kind: "manual", payload: { body: { order: 1 } } } })).id;
  connectionId = (await owner.caller.connection.create({ workspaceId, name: "HTTP", integrationSlug: "http-request", kind: "custom", fields: { type: "bearer", token: "k" } })).id;
});

describe("workspace-scoped procedures", () => {
  it("are all covered (the router has some)", () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(
      ["workflow.create", "workflow.delete", "workflow.duplicate", "workflow.get", "workflow.list", "workflow.rename",
        "workflow.saveDraft", "workflow.publish", "workflow.versions", "workflow.version", "workflow.setActive", "workflow.runManual",
        "workflow.export", "workflow.previewImport", "workflow.import", "run.compare", "run.lastSuccess",
        "webhook.get", "webhook.create", "webhook.setSecret", "webhook.rotateSecret", "webhook.clearSecrets", "webhook.rotateUrl", "webhook.setEnabled",
        "run.start", "run.list", "run.counts", "run.get", "run.cancel", "run.retry", "run.rerunLatest",
        "trigger.schedulePreview", "trigger.status",
        "connection.list", "connection.get", "connection.create", "connection.update", "connection.delete", "connection.oauthStart", "connection.refresh", "connection.test",
        "integration.catalog", "integration.options",
        "fixture.list", "fixture.get", "fixture.create", "fixture.rename", "fixture.update", "fixture.delete", "testRun.start", "testRun.latest",
        "workspace.changeRole", "workspace.delete", "workspace.get", "workspace.invite", "workspace.members", "workspace.removeMember", "workspace.rename",
        "workspace.invitations", "workspace.resendInvitation", "workspace.revokeInvitation"].sort(),
    );
  });

  it.each(procedures.map(([path]) => path))("%s refuses a signed-in non-member", async (path) => {
    expect(await codeOf(call(outsider.caller, path, sampleInput(path)))).toBe("NOT_FOUND");
  });

  it.each(procedures.map(([path]) => path))("%s refuses a signed-out caller", async (path) => {
    expect(await codeOf(call(await callerFor(null), path, sampleInput(path)))).toBe("UNAUTHORIZED");
  });

  it.each(procedures.map(([path, p]) => [path, p._def.type] as const))("%s (a %s) lets a viewer read but not change", async (path, type) => {
    expect(await codeOf(call(viewer.caller, path, sampleInput(path)))).toBe(type === "query" ? "OK" : "FORBIDDEN");
  });

  it("left the owner's data untouched after every refused attempt", async () => {
    const ws = await owner.caller.workspace.get({ workspaceId });
    expect(ws).toMatchObject({ name: "Team", role: "owner" });
    expect((await owner.caller.workflow.list({ workspaceId })).map((w) => w.name)).toEqual(["Nightly sync"]);
    expect((await owner.caller.connection.list({ workspaceId })).map((c) => c.name)).toEqual(["HTTP"]);
    expect((await owner.caller.fixture.list({ workspaceId, workflowId })).map((f) => [f.name, f.source])).toEqual([["Sample order", "manual"]]);
    expect((await owner.caller.workspace.members({ workspaceId })).map((m) => [m.name, m.role])).toEqual([
      ["Olivia Owner", "owner"],
      ["Vic Viewer", "viewer"],
    ]);
  });
});
