import type { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { appWebhookSubscriptions, runs } from "../../../db/schema";
import { createSandboxHost } from "../../../integrations/runtime";
import { g, startTestWorker, waitForRun } from "../../../workflows/testing/harness";
import { newUser } from "../../testing/users";
import { startAcme } from "../testing/acme-server";
import { installAcme } from "../testing/install";
import { startPlatform } from "../testing/platform-server";

const API_KEY = "acme_hooks_key";
const sandbox = createSandboxHost({ processes: 1, allowLoopbackForTests: true });
const acme = await startAcme(API_KEY);
const platform = await startPlatform();
process.env.JUNCTION_PUBLIC_URL = platform.url;
let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const ws = () => user.personalWorkspaceId;

beforeAll(async () => {
  user = await newUser("Hana Hooks");
  await installAcme(user.personalWorkspaceId);
  worker = await startTestWorker({ deps: { db: getDb(), sandbox } });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await sandbox.close();
  await acme.close();
  await platform.close();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function hookedWorkflow(apiKey: string, name: string) {
  const connectionId = (await user.caller.connection.create({ workspaceId: ws(), name: `Acme ${name}`, integrationSlug: "acme", kind: "api_key", fields: { apiKey } })).id;
  const wf = await user.caller.workflow.create({ workspaceId: ws(), name });
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", trigger: "app_webhook", app: { integration: "acme", version: "1.0.0", key: "order_shipped", connectionId, config: { baseUrl: acme.url } } },
      g.set("ship", { order: "{{ trigger.body.orderId }}", via: "{{ trigger.body.carrier }}" }),
    ],
    edges: g.chain("start", "ship"),
  };
  await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
  await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" });
  return wf.id;
}

const runsOf = (workflowId: string) => getDb().select().from(runs).where(eq(runs.workflowId, workflowId)).orderBy(asc(runs.createdAt));
const subscriptionOf = (workflowId: string) => getDb().query.appWebhookSubscriptions.findFirst({ where: eq(appWebhookSubscriptions.workflowId, workflowId) });

describe("app-webhook triggers", () => {
  it("registers the hook with the third party on activation, runs signed deliveries through parse, and unsubscribes on deactivation", async () => {
    const workflowId = await hookedWorkflow(API_KEY, "Shipping");
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId, active: true });

    // Acme got our hook URL and a fresh secret, with the connection's key; the subscription keeps Acme's hook id.
    const sub = (await subscriptionOf(workflowId))!;
    expect(sub).toMatchObject({ status: "active", state: { hookId: "hook_1" }, webhookUrl: `${platform.url}/api/hooks/app/${sub.hookId}` });
    const registered = acme.requests.find((r) => r.method === "POST" && r.url === "/hooks")!;
    expect(registered.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(registered.body)).toMatchObject({ url: sub.webhookUrl, secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sub.secretCiphertext.toString("utf8")).not.toContain(JSON.parse(registered.body).secret); // sealed at rest
    const status = await user.caller.trigger.status({ workspaceId: ws(), workflowId });
    expect(status.appWebhook).toEqual({ integration: "acme", trigger: "order_shipped", url: sub.webhookUrl, status: "active" });

    // A signed delivery with two shipped orders: the integration's parse makes two items, so two runs.
    const event = { event: "order.shipped", orders: [{ id: 7, carrier: "UPS" }, { id: 8, carrier: "DHL" }] };
    const [accepted] = await acme.deliver(event);
    expect(accepted).toMatchObject({ status: 202, body: { deliveryId: expect.any(String) } });
    const fired = await waitFor("two runs", async () => {
      const list = await runsOf(workflowId);
      return list.length === 2 ? list : undefined;
    });
    const outputs = await Promise.all(fired.map(async (r) => (await waitForRun(user, r.id)).steps[0]!.output));
    expect(outputs).toEqual(expect.arrayContaining([{ order: 7, via: "UPS" }, { order: 8, via: "DHL" }]));
    expect(fired[0]!.trigger).toMatchObject({ kind: "app_webhook", integration: "acme", trigger: "order_shipped" });

    // Acme retrying the same delivery is accepted once; a forged signature is refused before any code runs.
    expect((await acme.deliver(event))[0]).toMatchObject({ status: 202, body: { duplicate: true } });
    expect((await acme.deliver({ event: "order.shipped", orders: [{ id: 9, carrier: "UPS" }] }, { sign: false }))[0]).toMatchObject({ status: 401, body: { error: "The x-acme-signature signature does not match the body" } });
    expect(await runsOf(workflowId)).toHaveLength(2);

    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId, active: false });
    expect(acme.requests.filter((r) => r.method === "DELETE").map((r) => [r.url, r.headers.authorization])).toEqual([["/hooks/hook_1", `Bearer ${API_KEY}`]]);
    expect(acme.hooks.size).toBe(0);
    expect(await subscriptionOf(workflowId)).toBeUndefined();
    const gone = await fetch(sub.webhookUrl, { method: "POST", body: "{}" });
    expect(gone.status).toBe(404);
  });

  it("leaves the workflow inactive, with the third party's answer, when subscribing fails", async () => {
    const workflowId = await hookedWorkflow("wrong_key", "Rejected");
    const err = (await user.caller.workflow.setActive({ workspaceId: ws(), workflowId, active: true }).catch((e: TRPCError) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/Could not register the webhook with acme: Acme answered 401 to POST \/hooks/);
    expect((await user.caller.workflow.get({ workspaceId: ws(), workflowId })).active).toBe(false);
    expect(await subscriptionOf(workflowId)).toBeUndefined();
  });

  it("keeps the subscription across a publish with the same source, and moves it when the source changes", async () => {
    const workflowId = await hookedWorkflow(API_KEY, "Moving");
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId, active: true });
    const first = (await subscriptionOf(workflowId))!;
    const wf = await user.caller.workflow.get({ workspaceId: ws(), workflowId });
    const graph = wf.draftGraph as { nodes: { app?: Record<string, unknown> }[] };
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId, draftRevision: wf.draftRevision, graph: { ...graph, nodes: graph.nodes.map((n) => (n.app ? { ...n, label: "Shipped" } : n)) } });
    const v2 = await user.caller.workflow.publish({ workspaceId: ws(), workflowId, message: "label only" });
    expect(await subscriptionOf(workflowId)).toMatchObject({ id: first.id, hookId: first.hookId, versionId: v2.id, status: "active" });

    // A move whose new hook the third party refuses leaves the old one in place and working.
    const broken = { ...graph, nodes: graph.nodes.map((n) => (n.app ? { ...n, app: { ...n.app, config: { baseUrl: `${acme.url}/nope` } } } : n)) };
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId, draftRevision: wf.draftRevision + 1, graph: broken });
    const refused = (await user.caller.workflow.publish({ workspaceId: ws(), workflowId, message: "bad source" }).catch((e: TRPCError) => e)) as TRPCError;
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/Could not register the webhook with acme: Acme answered 404/);
    expect(await subscriptionOf(workflowId)).toMatchObject({ id: first.id, status: "active" });
    const before = (await runsOf(workflowId)).length;
    expect((await acme.deliver({ event: "order.shipped", orders: [{ id: 31, carrier: "DPD" }] }))[0]).toMatchObject({ status: 202 });
    await waitFor("the old hook's run", async () => ((await runsOf(workflowId)).length > before ? true : undefined));

    const deletesBefore = acme.requests.filter((r) => r.method === "DELETE").length;
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId, draftRevision: wf.draftRevision + 2, graph: { ...graph, nodes: graph.nodes.map((n) => (n.app ? { ...n, app: { ...n.app, config: { baseUrl: acme.url, region: "eu" } } } : n)) } });
    await user.caller.workflow.publish({ workspaceId: ws(), workflowId, message: "other source" });
    const moved = (await subscriptionOf(workflowId))!;
    expect(moved.hookId).not.toBe(first.hookId);
    expect(acme.requests.filter((r) => r.method === "DELETE").slice(deletesBefore).map((r) => r.url)).toEqual([`/hooks/${(first.state as { hookId: string }).hookId}`]);
    expect([...acme.hooks.values()].map((h) => h.url)).toEqual([moved.webhookUrl]);
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId, active: false });
    expect(acme.hooks.size).toBe(0);
  });
});
