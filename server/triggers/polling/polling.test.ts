import { WorkflowNotFoundError } from "@temporalio/client";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { pollingTriggerItems, pollingTriggers, runs } from "../../../db/schema";
import { createSandboxHost } from "../../../integrations/runtime";
import { temporal } from "../../../workflows/client";
import { pollingWorkflowIdOf } from "../../../workflows/constants";
import { g, publishGraph, startTestWorker, waitForRun } from "../../../workflows/testing/harness";
import { newUser } from "../../testing/users";
import { deterministicRunId } from "../runs";
import { startAcme } from "../testing/acme-server";
import { installAcme } from "../testing/install";
import { loadPollingTrigger, pruneItems, recordPoll } from "./state";

const API_KEY = "acme_key_123";
const sandbox = createSandboxHost({ processes: 1, allowLoopbackForTests: true });
const acme = await startAcme(API_KEY);
let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let connectionId: string;
const ws = () => user.personalWorkspaceId;
const db = () => getDb();

beforeAll(async () => {
  user = await newUser("Polly Poller");
  await installAcme(user.personalWorkspaceId);
  worker = await startTestWorker({ deps: { db: getDb(), sandbox } });
  connectionId = (await user.caller.connection.create({ workspaceId: ws(), name: "Acme", integrationSlug: "acme", kind: "api_key", fields: { apiKey: API_KEY } })).id;
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await sandbox.close();
  await acme.close();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Publishes and activates a workflow triggered by Acme's new_order polling trigger, followed by `nodes`. */
async function activePolling(name: string, nodes: unknown[] = [], edges: unknown[] = []) {
  const trigger = { id: "start", kind: "trigger", trigger: "polling", app: { integration: "acme", version: "1.0.0", key: "new_order", connectionId, config: { baseUrl: acme.url } } };
  const { workflowId, versionId } = await publishGraph(user, { schemaVersion: 1, nodes: [trigger, ...nodes], edges }, name);
  await user.caller.workflow.setActive({ workspaceId: ws(), workflowId, active: true });
  return { id: workflowId, versionId };
}

const runsOf = (workflowId: string) => db().select().from(runs).where(eq(runs.workflowId, workflowId)).orderBy(asc(runs.createdAt));
const itemsOf = (pollingTriggerId: string) => db().select().from(pollingTriggerItems).where(eq(pollingTriggerItems.pollingTriggerId, pollingTriggerId)).orderBy(asc(pollingTriggerItems.firstSeenAt));

async function pollNow(workflowId: string) {
  const before = (await loadPollingTrigger(db(), workflowId))!.lastPolledAt!;
  const { client } = await temporal();
  await client.workflow.getHandle(pollingWorkflowIdOf(workflowId)).signal("pollNow");
  return waitFor("the next poll", async () => {
    const row = await loadPollingTrigger(db(), workflowId);
    return row?.lastPolledAt && row.lastPolledAt > before ? row : undefined;
  });
}

describe("polling triggers", () => {
  it("seeds on activation, then starts one run per new item, deduplicated by key, and stops on deactivation", async () => {
    acme.addOrder(10, "ada");
    acme.addOrder(20, "bob");
    const wf = await activePolling("New orders", [g.set("note", { order: "{{ trigger.body.id }}", who: "{{ trigger.body.customer }}" })], g.chain("start", "note"));
    const v1 = { id: wf.versionId };

    // The first poll records what exists and starts nothing.
    const seeded = await waitFor("the seeding poll", async () => {
      const row = await loadPollingTrigger(db(), wf.id);
      return row?.seeded ? row : undefined;
    });
    expect(seeded).toMatchObject({ cursor: 2, intervalSeconds: 30, lastError: null, versionId: v1.id });
    expect((await itemsOf(seeded.id)).map((i) => [i.dedupeKey, i.runId])).toEqual([["order-1", null], ["order-2", null]]);
    expect(acme.requests.filter((r) => r.url.startsWith("/orders")).map((r) => [r.url, r.headers.authorization])).toEqual([["/orders?after=0", `Bearer ${API_KEY}`]]);

    acme.addOrder(30, "cy");
    acme.addOrder(40, "dee");
    await pollNow(wf.id);
    const fired = await waitFor("two runs", async () => {
      const list = await runsOf(wf.id);
      return list.length === 2 ? list : undefined;
    });
    expect(fired.map((r) => r.id).sort()).toEqual([deterministicRunId(seeded.id, "order-3"), deterministicRunId(seeded.id, "order-4")].sort());
    const outputs = await Promise.all(fired.map(async (r) => (await waitForRun(user, r.id)).steps[0]!.output));
    expect(outputs).toEqual(expect.arrayContaining([{ order: 3, who: "cy" }, { order: 4, who: "dee" }]));
    expect(fired[0]).toMatchObject({ workflowVersionId: v1.id, trigger: { kind: "polling", integration: "acme", trigger: "new_order" } });
    await waitFor("the runs confirmed started", async () => (await itemsOf(seeded.id)).every((i) => i.runId === null || i.startedAt !== null));

    // Acme's `after` is inclusive: the next poll returns order 4 again. Its key was seen, so no second run.
    const again = await pollNow(wf.id);
    expect(acme.requests.at(-1)!.url).toBe("/orders?after=4");
    expect(again.cursor).toBe(4);
    expect(await runsOf(wf.id)).toHaveLength(2);

    const status = await user.caller.trigger.status({ workspaceId: ws(), workflowId: wf.id });
    expect(status.polling).toMatchObject({ integration: "acme", trigger: "new_order", seeded: true, lastError: null });

    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
    expect(await loadPollingTrigger(db(), wf.id)).toBeUndefined();
    const { client } = await temporal();
    const polling = await client.workflow.getHandle(pollingWorkflowIdOf(wf.id)).describe().catch((e: unknown) => e);
    if (!(polling instanceof WorkflowNotFoundError)) expect((polling as { status: { name: string } }).status.name).toBe("TERMINATED");

    // Reactivation seeds again: orders that arrived while it was off do not fire.
    acme.addOrder(50, "eve");
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: true });
    const reseeded = await waitFor("the new seeding poll", async () => {
      const row = await loadPollingTrigger(db(), wf.id);
      return row?.seeded ? row : undefined;
    });
    expect(reseeded.cursor).toBe(5);
    expect(await runsOf(wf.id)).toHaveLength(2);
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
  });

  it("starts runs a crashed round recorded but never started, and never runs an item twice after its key is pruned", async () => {
    const wf = await activePolling("Healing", [g.set("note", { order: "{{ trigger.body.id }}" })], g.chain("start", "note"));
    const row = await waitFor("the seeding poll", async () => {
      const r = await loadPollingTrigger(db(), wf.id);
      return r?.seeded ? r : undefined;
    });

    // What a worker crash right after the poll's transaction leaves: a recorded item and run, never started.
    await recordPoll(db(), row, { cursor: row.cursor, items: [{ dedupeKey: "order-77", data: { id: 77, total: 1, customer: "zed" } }] });
    const [orphan] = await runsOf(wf.id);
    expect(orphan).toMatchObject({ id: deterministicRunId(row.id, "order-77"), status: "queued" });
    await pollNow(wf.id); // the next round finds it pending and starts it
    expect((await waitForRun(user, orphan!.id)).steps[0]!.output).toEqual({ order: 77 });
    await waitFor("the healed run confirmed", async () => (await itemsOf(row.id)).find((i) => i.dedupeKey === "order-77")?.startedAt ?? undefined);

    // Old keys are pruned (keeping the newest ones); a pruned key that comes back maps to the same run id,
    // which exists, so it starts nothing.
    await db().update(pollingTriggerItems).set({ firstSeenAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(pollingTriggerItems.pollingTriggerId, row.id));
    const before = (await itemsOf(row.id)).length;
    await pruneItems(db(), row.id, { days: 30, keys: 1 });
    expect((await itemsOf(row.id)).length).toBe(1);
    expect(before).toBeGreaterThan(1);
    await db().delete(pollingTriggerItems).where(eq(pollingTriggerItems.pollingTriggerId, row.id));
    await recordPoll(db(), (await loadPollingTrigger(db(), wf.id))!, { cursor: row.cursor, items: [{ dedupeKey: "order-77", data: { id: 77, total: 1, customer: "zed" } }] });
    expect(await runsOf(wf.id)).toHaveLength(1);
    const [item] = await itemsOf(row.id);
    expect(item!.startedAt).not.toBeNull(); // not pending: nothing to start
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
    expect(await db().select().from(pollingTriggers).where(eq(pollingTriggers.workflowId, wf.id))).toEqual([]);
  });

  it("starts every run when one poll finds more new items than one batch", async () => {
    const wf = await activePolling("Burst");
    const row = await waitFor("the seeding poll", async () => {
      const r = await loadPollingTrigger(db(), wf.id);
      return r?.seeded ? r : undefined;
    });
    for (let i = 0; i < 130; i++) acme.addOrder(i, `burst-${i}`);
    await pollNow(wf.id);
    await waitFor("130 runs started", async () => (await itemsOf(row.id)).filter((i) => i.runId && i.startedAt).length === 130, 120_000);
    expect(await runsOf(wf.id)).toHaveLength(130);
    await waitFor("every run finished", async () => (await runsOf(wf.id)).every((r) => r.status === "succeeded"), 120_000);
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
  }, 240_000);

  it("keeps the cursor when a new version polls the same source, and seeds again when the source changes", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: ws(), name: "Versions" });
    const graphWith = (app: Record<string, unknown>) => ({ schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "polling", app: { integration: "acme", version: "1.0.0", key: "new_order", connectionId, ...app } }], edges: [] });
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: graphWith({ config: { baseUrl: acme.url } }) });
    await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" });
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: true });
    const seeded = await waitFor("the seeding poll", async () => {
      const r = await loadPollingTrigger(db(), wf.id);
      return r?.seeded ? r : undefined;
    });

    // Same source, slower interval: the cursor, the keys and the polling workflow carry on.
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: graphWith({ config: { baseUrl: acme.url }, intervalSeconds: 120 }) });
    const publishedV2 = new Date();
    const v2 = await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "slower" });
    expect(await loadPollingTrigger(db(), wf.id)).toMatchObject({ id: seeded.id, versionId: v2.id, intervalSeconds: 120, seeded: true, cursor: seeded.cursor });
    // Publishing signals the running poller to poll now; let that poll finish, or it would rightly fire for the
    // order added below while the old source is still the active one.
    await waitFor("the poll the publish asked for", async () => {
      const r = await loadPollingTrigger(db(), wf.id);
      return r?.lastPolledAt && r.lastPolledAt >= publishedV2 ? r : undefined;
    });

    // Another source (the config changed): the old cursor means nothing, so the next poll seeds again.
    acme.addOrder(99, "late");
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 3, graph: graphWith({ config: { baseUrl: acme.url, region: "eu" } }) });
    const v3 = await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "other source" });
    const reseeded = await waitFor("the new source's seeding poll", async () => {
      const r = await loadPollingTrigger(db(), wf.id);
      return r?.seeded && r.versionId === v3.id ? r : undefined;
    });
    expect(reseeded.cursor).toBe(acme.orders.length);
    expect(await runsOf(wf.id)).toHaveLength(0);
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
  }, 90_000);

  it("continues as new after its rounds and goes on polling from the stored cursor", async () => {
    const wf = await activePolling("Long runner");
    await waitFor("the seeding poll", async () => (await loadPollingTrigger(db(), wf.id))?.seeded === true);
    // Restart the poller with two rounds per run, so a few signals walk it through continue-as-new.
    const { client } = await temporal();
    const id = pollingWorkflowIdOf(wf.id);
    await client.workflow.getHandle(id).terminate("test: restart with a short run");
    await client.workflow.start("pollingTrigger", { workflowId: id, taskQueue: worker.taskQueue, args: [{ workflowId: wf.id, pollsPerRun: 2 }] });
    const firstRun = (await client.workflow.getHandle(id).describe()).runId;
    for (let i = 0; i < 3; i++) await pollNow(wf.id);
    const later = await client.workflow.getHandle(id).describe();
    expect(later.runId).not.toBe(firstRun);
    expect(later.status.name).toBe("RUNNING");
    acme.addOrder(5, "after-continue");
    await pollNow(wf.id);
    await waitFor("the run for the new order", async () => ((await runsOf(wf.id)).length === 1 ? true : undefined));
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
  }, 90_000);
});
