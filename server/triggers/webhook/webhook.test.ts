import { gzipSync } from "node:zlib";
import { sign as githubSign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { runs, webhookDeliveries, webhookEndpoints } from "../../../db/schema";
import { temporal } from "../../../workflows/client";
import { g, startTestWorker } from "../../../workflows/testing/harness";
import { newUser } from "../../testing/users";
import { forgetAllEndpoints } from "./endpoint";
import { handleWebhook } from "./ingest";
import { activeHook, githubSignature, hookRequest, waitForHookRun } from "./testing";

const waitForRun = waitForHookRun;

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const send = (hookId: string, init: Parameters<typeof hookRequest>[1] = {}) => handleWebhook(hookRequest(hookId, init), hookId, { db: getDb() });
const runsOf = (workflowId: string) => getDb().select().from(runs).where(eq(runs.workflowId, workflowId));

async function github(hookId: string, secret: string, payload: unknown, delivery = crypto.randomUUID(), extra: Record<string, string> = {}) {
  const body = JSON.stringify(payload);
  return send(hookId, { body, headers: { "x-github-delivery": delivery, "x-github-event": "push", "x-hub-signature-256": await githubSign(secret, body), ...extra }, query: "?source=gh&tag=a&tag=b" });
}

beforeAll(async () => {
  user = await newUser("Hook Owner");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("webhook ingest", () => {
  it("acknowledges a GitHub delivery with 202 and a run id; the run sees method, path, headers, query, body and IP", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" } }, { secret: "gh-webhook-secret" });
    const res = await github(hook.hookId, "gh-webhook-secret", { ref: "refs/heads/main", commits: [1, 2] }, "delivery-1");
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    expect(res.headers.get("x-junction-run-id")).toBe(runId);
    const run = await waitForRun(user, runId);
    expect(run.status).toBe("succeeded");
    expect(run.steps.find((s) => s.stepKey === "echo")?.output).toEqual({ got: { ref: "refs/heads/main", commits: [1, 2] }, method: "POST" });
    const trigger = (await getDb().query.runs.findFirst({ where: eq(runs.id, runId) }))!.trigger as Record<string, unknown>;
    expect(trigger).toMatchObject({ kind: "webhook", deliveryId: "delivery-1", method: "POST", path: `/api/hooks/${hook.hookId}`, query: { source: "gh", tag: ["a", "b"] }, ip: "203.0.113.7" });
    expect((trigger.headers as Record<string, string>)["x-github-event"]).toBe("push");
  });

  it("starts one run for a delivery sent ten times, and gives every retry the same run id", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" } }, { secret: "gh-secret-2" });
    const responses = await Promise.all(Array.from({ length: 10 }, () => github(hook.hookId, "gh-secret-2", { n: 1 }, "same-delivery")));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    const bodies = await Promise.all(responses.map(async (r) => (await r.json()) as { runId: string; duplicate?: true }));
    const ids = new Set(bodies.map((b) => b.runId));
    expect(ids.size).toBe(1);
    // Whether a delivery is a duplicate is the outbox insert's answer, not Temporal's: one was new, nine were not.
    expect(bodies.filter((b) => b.duplicate).length).toBe(9);
    const [runId] = [...ids];
    await waitForRun(user, runId!);
    // After the run has finished, a late retry still gets the same id and starts nothing. (When Temporal decided,
    // a retry landing after the run was recorded as finished but before its workflow closed was taken as new.)
    const late = await github(hook.hookId, "gh-secret-2", { n: 1 }, "same-delivery");
    expect(await late.json()).toEqual({ runId, duplicate: true });
    expect((await runsOf(hook.workflowId)).map((r) => r.id)).toEqual([runId]);
    expect(await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.hookId, hook.hookId))).toHaveLength(1);
  });

  it("uses Idempotency-Key when the provider sends no delivery id, and a new run for each request without one", async () => {
    const hook = await activeHook(user, {});
    const a = await send(hook.hookId, { body: "{}", headers: { "idempotency-key": "order-42" } });
    const b = await send(hook.hookId, { body: "{}", headers: { "idempotency-key": "order-42" } });
    const c = await send(hook.hookId, { body: "{}" });
    const [ra, rb, rc] = (await Promise.all([a.json(), b.json(), c.json()])) as { runId: string }[];
    expect(ra!.runId).toBe(rb!.runId);
    expect(rc!.runId).not.toBe(ra!.runId);
  });

  it("refuses a bad signature with 401 and starts nothing", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" } }, { secret: "right-secret" });
    const res = await github(hook.hookId, "wrong-secret", { n: 1 });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "Verification failed: The x-hub-signature-256 signature does not match" });
    const unsigned = await send(hook.hookId, { body: "{}" });
    expect(unsigned.status).toBe(401);
    expect(await runsOf(hook.workflowId)).toEqual([]);
  });

  it("answers 404 for unknown and inactive hooks and 405 for a method the hook does not allow", async () => {
    expect((await send("x".repeat(32), { body: "{}" })).status).toBe(404);
    expect((await send("not-even-a-hook-id", { body: "{}" })).status).toBe(404);
    const hook = await activeHook(user, { methods: ["PUT"] });
    const wrong = await send(hook.hookId, { body: "{}" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("PUT");
    expect((await send(hook.hookId, { method: "PUT", body: "{}" })).status).toBe(202);
    await user.caller.workflow.setActive({ workspaceId: hook.workspaceId, workflowId: hook.workflowId, active: false });
    expect((await send(hook.hookId, { method: "PUT", body: "{}" })).status).toBe(404);
  });

  it("enforces size before verification, content type, decompressed size and the rate limit", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" }, limits: { maxBodyBytes: 1000, maxDecompressedBytes: 5000, ratePerSecond: 1, burst: 6 } }, { secret: "limits-secret" });
    // Too big with a wrong signature: 413, not 401, so no HMAC work was spent on it.
    const big = await send(hook.hookId, { body: JSON.stringify({ pad: "x".repeat(2000) }), headers: { "x-hub-signature-256": "sha256=00" } });
    expect(big.status).toBe(413);
    const chunked = await send(hook.hookId, { body: new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array(3000)), c.close()) }) as unknown as Buffer, headers: { "content-type": "application/json" } });
    expect(chunked.status).toBe(413);
    expect((await send(hook.hookId, { body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(415);
    // A gzip bomb: small on the wire, signed correctly, too big once decompressed.
    const bomb = gzipSync(JSON.stringify({ pad: "y".repeat(50_000) }));
    expect(bomb.length).toBeLessThan(1000);
    const bombRes = await send(hook.hookId, { body: bomb, headers: { "content-encoding": "gzip", "x-hub-signature-256": githubSignature("limits-secret", bomb) } });
    expect(bombRes.status).toBe(413);
    expect(await bombRes.json()).toMatchObject({ error: "The body decompresses to more than this hook's limit of 5000 bytes" });
    // A reasonable gzip body is accepted and parsed.
    const small = gzipSync(JSON.stringify({ ok: true }));
    const okRes = await send(hook.hookId, { body: small, headers: { "content-encoding": "gzip", "x-hub-signature-256": githubSignature("limits-secret", small) } });
    expect(okRes.status).toBe(202);
    expect((await waitForRun(user, ((await okRes.json()) as { runId: string }).runId)).steps[0]!.output).toMatchObject({ got: { ok: true } });
    // Only verified deliveries count in the hook's bucket: the burst of 6 is used up (the one above plus five
    // more may pass); the next gets 429 with Retry-After.
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const r = await send(hook.hookId, { body: "{}", headers: { "x-hub-signature-256": githubSignature("limits-secret", Buffer.from("{}")) } });
      if (r.status === 429) limited = r;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("500 unsigned junk deliveries from one address do not use up the hook's rate limit: a signed delivery from another still gets 202", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" }, limits: { ratePerSecond: 1, burst: 5 } }, { secret: "junk-proof-secret" });
    const junk = { "x-forwarded-for": "198.51.100.9", "x-hub-signature-256": "sha256=00" };
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 500; i++) {
      const r = await send(hook.hookId, { body: JSON.stringify({ junk: i }), headers: junk });
      statuses.push(r.status);
      limited ??= r.status === 429 ? r : undefined;
    }
    // Failed verifications are counted per source: a burst of them is answered 401, then that source gets 429.
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(480).fill(429));
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toMatchObject({ error: expect.stringMatching(/^Too many deliveries from your address failed verification \(20 at once, then 6 a minute\); retry after \d+ s$/) });
    // The real sender, from its own address, finds the hook's bucket untouched.
    const body = JSON.stringify({ real: true });
    const ok = await send(hook.hookId, { body, headers: { "x-forwarded-for": "192.0.2.44", "x-hub-signature-256": githubSignature("junk-proof-secret", Buffer.from(body)) } });
    expect(ok.status).toBe(202);
    // A bad signature from an address that has not failed before is still told why (401), not rate limited.
    expect((await send(hook.hookId, { body, headers: { "x-forwarded-for": "192.0.2.44", "x-hub-signature-256": "sha256=00" } })).status).toBe(401);
    expect((await runsOf(hook.workflowId)).length).toBe(1);
  });

  it("in sync mode answers with the Webhook Response step, or the last step, or 202 with the run id on timeout", async () => {
    const respond = { id: "reply", kind: "action", action: { integration: "core", version: "1", key: "webhook_response" }, input: { status: 201, headers: { "x-echo": "{{ trigger.body.name }}" }, body: { hello: "{{ trigger.body.name }}" } } };
    const a = await activeHook(user, { mode: "sync" }, { nodes: [respond], edges: [g.edge("start", "reply")] });
    const ra = await send(a.hookId, { body: JSON.stringify({ name: "Ada" }) });
    expect(ra.status).toBe(201);
    expect(ra.headers.get("x-echo")).toBe("Ada");
    expect(await ra.json()).toEqual({ hello: "Ada" });

    const b = await activeHook(user, { mode: "sync" });
    const rb = await send(b.hookId, { body: JSON.stringify({ name: "Bob" }) });
    expect(rb.status).toBe(200);
    expect(await rb.json()).toEqual({ got: { name: "Bob" }, method: "POST" });

    const c = await activeHook(user, { mode: "sync", syncTimeoutMs: 300 }, { nodes: [{ id: "wait", kind: "delay", durationMs: 3000 }], edges: [g.edge("start", "wait")] });
    const rc = await send(c.hookId, { body: "{}" });
    expect(rc.status).toBe(202);
    const { runId } = (await rc.json()) as { runId: string };
    expect((await waitForRun(user, runId)).status).toBe("succeeded");
  });

  it("accepts the old and new secret during rotation, and none after clearing", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" } }, { secret: "first-secret" });
    await user.caller.webhook.rotateSecret({ workspaceId: hook.workspaceId, workflowId: hook.workflowId, secret: "second-secret", overlapHours: 1 });
    expect((await github(hook.hookId, "first-secret", { v: 1 })).status).toBe(202);
    expect((await github(hook.hookId, "second-secret", { v: 2 })).status).toBe(202);
    const view = await user.caller.webhook.get({ workspaceId: hook.workspaceId, workflowId: hook.workflowId });
    expect(view?.secret.set).toBe(true);
    expect(view?.secret.previousAcceptedUntil).toBeInstanceOf(Date);
    expect(JSON.stringify(view)).not.toMatch(/first-secret|second-secret/);
    await user.caller.webhook.setSecret({ workspaceId: hook.workspaceId, workflowId: hook.workflowId, secret: "third-secret" });
    expect((await github(hook.hookId, "first-secret", { v: 3 })).status).toBe(401);
    await user.caller.webhook.clearSecrets({ workspaceId: hook.workspaceId, workflowId: hook.workflowId });
    expect((await github(hook.hookId, "third-secret", { v: 4 })).status).toBe(401);
    // The sealed secrets are bound to their row: the database holds no plaintext.
    const row = await getDb().query.webhookEndpoints.findFirst({ where: eq(webhookEndpoints.hookId, hook.hookId) });
    expect(row?.secretsCiphertext).toBeNull();
  });

  it("keeps a shared secret and credentials out of the run record", async () => {
    const hook = await activeHook(user, { verification: { preset: "shared_secret", header: "x-hook-token" } }, { secret: "super-secret-token" });
    const res = await send(hook.hookId, { body: '{"a":1}', headers: { "x-hook-token": "super-secret-token", authorization: "Bearer abc.def" } });
    expect(res.status).toBe(202);
    const run = await waitForRun(user, ((await res.json()) as { runId: string }).runId);
    const trigger = (await getDb().query.runs.findFirst({ where: eq(runs.id, run.id) }))!.trigger as { headers: Record<string, string> };
    expect(trigger.headers["x-hook-token"]).toBe("[redacted]");
    expect(trigger.headers.authorization).toBe("[redacted]");
    expect(JSON.stringify(run)).not.toContain("super-secret-token");
  });

  it("picks up a new version's settings after publish (the endpoint cache is forgotten on change)", async () => {
    const hook = await activeHook(user, { methods: ["POST"] });
    expect((await send(hook.hookId, { method: "PATCH", body: "{}" })).status).toBe(405);
    const wf = await user.caller.workflow.get({ workspaceId: hook.workspaceId, workflowId: hook.workflowId });
    const graph = wf.draftGraph as { nodes: { webhook?: unknown }[] };
    graph.nodes[0]!.webhook = { methods: ["PATCH"] };
    await user.caller.workflow.saveDraft({ workspaceId: hook.workspaceId, workflowId: hook.workflowId, draftRevision: wf.draftRevision, graph });
    await user.caller.workflow.publish({ workspaceId: hook.workspaceId, workflowId: hook.workflowId, message: "patch" });
    forgetAllEndpoints();
    expect((await send(hook.hookId, { method: "PATCH", body: "{}" })).status).toBe(202);
  });

  it("runs the editor's manual trigger with a test payload shaped like a delivery", async () => {
    const hook = await activeHook(user, {});
    const { runId } = await user.caller.workflow.runManual({ workspaceId: hook.workspaceId, workflowId: hook.workflowId, payload: { body: { name: "Test" }, headers: { "X-Test": "1" } } });
    const run = await waitForRun(user, runId);
    expect(run.status).toBe("succeeded");
    expect(run.steps[0]!.output).toEqual({ got: { name: "Test" }, method: "POST" });
  });

  it("acknowledged runs are recorded at once and are real Temporal executions of the delivery's run id", async () => {
    const hook = await activeHook(user, {});
    const res = await send(hook.hookId, { body: "{}", headers: { "idempotency-key": "check-temporal" } });
    const { runId } = (await res.json()) as { runId: string };
    // The run row was committed before the answer (the outbox), so it is visible at once.
    expect(await getDb().query.runs.findFirst({ where: eq(runs.id, runId), columns: { id: true } })).toEqual({ id: runId });
    const { client } = await temporal();
    const run = await waitForRun(user, runId);
    expect(run.status).toBe("succeeded");
    expect((await client.workflow.getHandle(runId).describe()).type).toBe("automation");
    // The relay marks the delivery started when its round commits, which may be a moment after the run ended.
    await expect.poll(async () => (await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.runId, runId)))[0]?.startedAt, { timeout: 5_000 }).toBeInstanceOf(Date);
  });
});
