import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { webhookEndpoints } from "../../db/schema";
import { newUser } from "../testing/users";
import { SYNCS } from "./lifecycle";

let u: Awaited<ReturnType<typeof newUser>>;

const graph = (trigger: Record<string, unknown>) => ({
  schemaVersion: 1,
  nodes: [{ id: "start", kind: "trigger", ...trigger }, { id: "done", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: {} }],
  edges: [{ id: "e1", source: "start", target: "done" }],
});

async function endpointOf(workflowId: string) {
  return getDb().query.webhookEndpoints.findFirst({ where: eq(webhookEndpoints.workflowId, workflowId) });
}

beforeAll(async () => {
  u = await newUser("Tess Trigger");
});

describe("trigger lifecycle", () => {
  it("has one sync per trigger kind, webhook among them", () => {
    expect(Object.keys(SYNCS)).toContain("webhook");
  });

  it("refuses to activate a workflow that was never published", async () => {
    const workspaceId = u.personalWorkspaceId;
    const wf = await u.caller.workflow.create({ workspaceId, name: "Unpublished" });
    const err = await u.caller.workflow.setActive({ workspaceId, workflowId: wf.id, active: true }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((err as TRPCError).message).toMatch(/Publish the workflow before activating it/);
    expect((await u.caller.workflow.get({ workspaceId, workflowId: wf.id })).active).toBe(false);
  });

  it("gives an active webhook workflow an endpoint that keeps its hook id across deactivation and publishes", async () => {
    const workspaceId = u.personalWorkspaceId;
    const wf = await u.caller.workflow.create({ workspaceId, name: "Hooked" });
    await u.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 1, graph: graph({ trigger: "webhook", webhook: { methods: ["POST", "PUT"], verification: { preset: "github" } } }) });
    const v1 = await u.caller.workflow.publish({ workspaceId, workflowId: wf.id, message: "v1" });
    expect(await endpointOf(wf.id)).toBeUndefined();

    expect(await u.caller.workflow.setActive({ workspaceId, workflowId: wf.id, active: true })).toEqual({ id: wf.id, active: true, versionNumber: 1 });
    const on = (await endpointOf(wf.id))!;
    expect(on).toMatchObject({ active: true, versionId: v1.id, methods: ["POST", "PUT"], preset: "github", mode: "async", bodyType: "json" });
    expect(on.hookId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(on.limits).toMatchObject({ maxBodyBytes: 512 * 1024, ratePerSecond: 100 });

    await u.caller.workflow.setActive({ workspaceId, workflowId: wf.id, active: false });
    expect(await endpointOf(wf.id)).toMatchObject({ active: false, hookId: on.hookId });

    await u.caller.workflow.setActive({ workspaceId, workflowId: wf.id, active: true });
    await u.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 2, graph: graph({ trigger: "webhook", webhook: { mode: "sync", verification: { preset: "slack" } } }) });
    const v2 = await u.caller.workflow.publish({ workspaceId, workflowId: wf.id, message: "v2" });
    expect(await endpointOf(wf.id)).toMatchObject({ active: true, hookId: on.hookId, versionId: v2.id, preset: "slack", mode: "sync", methods: ["POST"] });

    // Publishing a version whose trigger is no longer a webhook takes the endpoint down.
    await u.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 3, graph: graph({ trigger: "manual" }) });
    await u.caller.workflow.publish({ workspaceId, workflowId: wf.id, message: "v3" });
    expect(await endpointOf(wf.id)).toMatchObject({ active: false, hookId: on.hookId });
  });

  it("names the field of a bad webhook setting when the draft is saved, and will not publish it", async () => {
    const workspaceId = u.personalWorkspaceId;
    const wf = await u.caller.workflow.create({ workspaceId, name: "Bad settings" });
    const saved = await u.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 1, graph: graph({ trigger: "webhook", webhook: { methods: [], verification: { preset: "hmac", header: "bad header" } } }) });
    expect(saved.problems.map((p) => `${p.nodeId}.${p.field}`).sort()).toEqual(["start.webhook.methods", "start.webhook.verification.header"]);
    const err = await u.caller.workflow.publish({ workspaceId, workflowId: wf.id, message: "" }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    const fields = ((err as TRPCError).cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fields["nodes.start.webhook.methods"]).toEqual(["Allow at least one method"]);
    expect(fields["nodes.start.webhook.verification.header"]).toEqual(["Not a valid HTTP header name"]);
  });
});
