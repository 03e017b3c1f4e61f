import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { auditLog, runs, webhookDeliveries, webhookEndpoints } from "../../../db/schema";
import { contextForUser } from "../../api/context";
import { appRouter } from "../../api/root";
import { addMember, newUser } from "../../testing/users";
import { forgetAllEndpoints } from "./endpoint";
import { handleWebhook } from "./ingest";
import { activeHook, hookRequest } from "./testing";

// Rotating, disabling and enabling a hook URL through tRPC over HTTP (the browser's path), and deliveries through
// the handler the edge and the Next.js route call.

type User = Awaited<ReturnType<typeof newUser>>;
type View = { hookId: string; path: string; disabledAt: string | null; previousUrlAcceptedUntil: string | null };
let owner: User;

async function trpc(user: User, path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } }),
    router: appRouter,
    createContext: () => contextForUser(user.id),
  });
  const body = (await res.json()) as { result?: { data: { json: View } }; error?: { json: { message: string; data: { code: string; fieldErrors?: Record<string, string[]> } } } };
  return { status: res.status, view: body.result?.data.json, error: body.error?.json };
}

const send = (hookId: string, headers: Record<string, string> = {}) => handleWebhook(hookRequest(hookId, { body: "{}", headers }), hookId, { db: getDb() });
const auditOf = (workspaceId: string) => getDb().select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(auditLog.at);
const runCount = async (workflowId: string) => (await getDb().select().from(runs).where(eq(runs.workflowId, workflowId))).length;

beforeAll(async () => {
  owner = await newUser("Rotating Owner");
}, 60_000);

describe("hook URL rotation and disabling", () => {
  it("a leaked hook URL stops working after rotation: the new URL is accepted, the old one only until its grace period ends", async () => {
    const hook = await activeHook(owner, {});
    const ids = { workspaceId: hook.workspaceId, workflowId: hook.workflowId };
    const first = await send(hook.hookId, { "idempotency-key": "before-rotation" });
    expect(first.status).toBe(202);

    const { status, view } = await trpc(owner, "webhook.rotateUrl", { ...ids, grace: "24h" });
    expect(status).toBe(200);
    expect(view!.hookId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(view!.hookId).not.toBe(hook.hookId);
    expect(view!.path).toBe(`/api/hooks/${view!.hookId}`);
    const until = new Date(view!.previousUrlAcceptedUntil!).getTime();
    expect(until - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // The old hook id is not sent back: only until when it works.
    expect(JSON.stringify(view)).not.toContain(hook.hookId);

    expect((await send(view!.hookId)).status).toBe(202);
    expect((await send(hook.hookId)).status).toBe(202);
    // A retry of the pre-rotation delivery, now sent to the new URL, finds the run the first attempt started.
    const retry = await send(view!.hookId, { "idempotency-key": "before-rotation" });
    expect(await retry.json()).toEqual({ runId: ((await first.json()) as { runId: string }).runId, duplicate: true });

    // The grace period ends (moved into the past rather than waited for): the old URL is gone, the new one stays.
    await getDb().update(webhookEndpoints).set({ previousHookExpiresAt: new Date(Date.now() - 1000) }).where(eq(webhookEndpoints.workflowId, hook.workflowId));
    forgetAllEndpoints();
    const gone = await send(hook.hookId);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: "No active webhook at this address" });
    expect((await send(view!.hookId)).status).toBe(202);

    const [entry] = await auditOf(hook.workspaceId);
    expect(entry).toMatchObject({
      actorUserId: owner.id,
      action: "webhook.rotate",
      target: `workflow:${hook.workflowId}`,
      details: { oldHookPrefix: hook.hookId.slice(0, 6), newHookPrefix: view!.hookId.slice(0, 6), grace: "24h", oldUrlUntil: new Date(until).toISOString() },
    });
    // Prefixes only: neither whole hook id is in the audit log.
    expect(JSON.stringify(entry)).not.toContain(hook.hookId);
    expect(JSON.stringify(entry)).not.toContain(view!.hookId);
  });

  it("an old URL the process has cached still stops at the end of its grace period", async () => {
    const hook = await activeHook(owner, {});
    const { view } = await trpc(owner, "webhook.rotateUrl", { workspaceId: hook.workspaceId, workflowId: hook.workflowId, grace: "1h" });
    expect((await send(hook.hookId)).status).toBe(202);
    // Two hours on, the cached entry is not trusted past the grace period it carries.
    const later = () => Date.now() + 2 * 3_600_000;
    const at = (hookId: string) => handleWebhook(hookRequest(hookId, { body: "{}" }), hookId, { db: getDb(), now: later });
    expect((await at(hook.hookId)).status).toBe(404);
    expect((await at(view!.hookId)).status).toBe(202);
  });

  it("rotating with no grace period: the old URL answers 404 at once", async () => {
    const hook = await activeHook(owner, {});
    const { view } = await trpc(owner, "webhook.rotateUrl", { workspaceId: hook.workspaceId, workflowId: hook.workflowId, grace: "none" });
    expect(view!.previousUrlAcceptedUntil).toBeNull();
    expect((await send(hook.hookId)).status).toBe(404);
    expect((await send(view!.hookId)).status).toBe(202);
    expect((await auditOf(hook.workspaceId)).filter((a) => a.target === `workflow:${hook.workflowId}`).map((a) => a.details)).toEqual([
      { oldHookPrefix: hook.hookId.slice(0, 6), newHookPrefix: view!.hookId.slice(0, 6), grace: "none", oldUrlUntil: null },
    ]);
  });

  it("a disabled hook answers 404 and records no delivery or run while the workflow stays active; enabling restores it", async () => {
    const hook = await activeHook(owner, {});
    const ids = { workspaceId: hook.workspaceId, workflowId: hook.workflowId };
    const off = await trpc(owner, "webhook.setEnabled", { ...ids, enabled: false });
    expect(off.view!.disabledAt).not.toBeNull();
    expect((await send(hook.hookId, { "idempotency-key": "while-disabled" })).status).toBe(404);
    expect(await getDb().select().from(webhookDeliveries).where(and(eq(webhookDeliveries.hookId, hook.hookId), eq(webhookDeliveries.deliveryId, "while-disabled")))).toEqual([]);
    expect(await runCount(hook.workflowId)).toBe(0);
    expect((await owner.caller.workflow.get(ids)).active).toBe(true);
    // Disabling twice changes nothing and records nothing more.
    await trpc(owner, "webhook.setEnabled", { ...ids, enabled: false });

    const on = await trpc(owner, "webhook.setEnabled", { ...ids, enabled: true });
    expect(on.view!.disabledAt).toBeNull();
    expect((await send(hook.hookId)).status).toBe(202);
    expect(await runCount(hook.workflowId)).toBe(1);
    const audit = (await auditOf(hook.workspaceId)).filter((a) => a.target === `workflow:${hook.workflowId}`);
    expect(audit.map((a) => [a.action, a.actorUserId, a.details])).toEqual([
      ["webhook.disable", owner.id, { hookPrefix: hook.hookId.slice(0, 6) }],
      ["webhook.enable", owner.id, { hookPrefix: hook.hookId.slice(0, 6) }],
    ]);
  });

  it("a viewer cannot rotate or disable a hook URL (403 FORBIDDEN), and the URL keeps working", async () => {
    const hook = await activeHook(owner, {});
    const viewer = await newUser("Read Only");
    await addMember(owner, hook.workspaceId, viewer, "viewer");
    const ids = { workspaceId: hook.workspaceId, workflowId: hook.workflowId };
    for (const [path, input] of [["webhook.rotateUrl", { ...ids, grace: "none" }], ["webhook.setEnabled", { ...ids, enabled: false }]] as const) {
      const res = await trpc(viewer, path, input);
      expect(res.status).toBe(403);
      expect(res.error).toMatchObject({ message: "This needs the editor role or higher; you are a viewer here.", data: { code: "FORBIDDEN" } });
    }
    expect((await send(hook.hookId)).status).toBe(202);
    expect((await auditOf(hook.workspaceId)).filter((a) => a.target === `workflow:${hook.workflowId}`)).toEqual([]);
  });

  it("an unknown grace period is refused beside the field, naming the choices", async () => {
    const hook = await activeHook(owner, {});
    const res = await trpc(owner, "webhook.rotateUrl", { workspaceId: hook.workspaceId, workflowId: hook.workflowId, grace: "forever" });
    expect(res.status).toBe(400);
    expect(res.error!.data.fieldErrors).toEqual({ grace: ["The old URL can be kept for none, 1h, 24h or 7d"] });
    expect((await send(hook.hookId)).status).toBe(202);
  });
});
