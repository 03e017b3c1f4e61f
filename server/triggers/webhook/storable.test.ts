import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, getDb } from "../../../db/client";
import { runs, runSteps } from "../../../db/schema";
import { freePort } from "../../../scripts/lib/ports";
import { g, startTestWorker } from "../../../workflows/testing/harness";
import { newUser } from "../../testing/users";
import { handleAppWebhook } from "../app-webhook/handle";
import { handleWebhook } from "./ingest";
import { activeHook, hookRequest, waitForHookRun } from "./testing";

/**
 * Deliveries Postgres cannot store as they are (U+0000, lone surrogates, too deep): a valid one is accepted and
 * reaches the workflow unchanged; one that can never be accepted gets a 4xx saying why, never 503 (a sender told to
 * retry later retries forever).
 */
let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const send = (hookId: string, init: Parameters<typeof hookRequest>[1] = {}) => handleWebhook(hookRequest(hookId, init), hookId, { db: getDb() });

// A Code step (in the sandbox) that checks the strings itself, and hands them on as its output.
const CODE = `
  const b = inputs.body;
  return { a: b.a, b: b.b, q: inputs.q, exact: b.a === "x" + String.fromCharCode(0) + "y" && b.b.length === 1 && b.b.charCodeAt(0) === 0xd800 };`;
const codeStep = { id: "code", kind: "action" as const, action: { integration: "code", version: "1.0.0", key: "run_code" }, input: { code: CODE, inputs: { body: "{{ trigger.body }}", q: "{{ trigger.query.q }}" } } };

beforeAll(async () => {
  user = await newUser("Storable");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("webhook bodies Postgres cannot store as they are", () => {
  it("a webhook body with \\u0000 and a lone surrogate is accepted and reaches the workflow unchanged", async () => {
    const hook = await activeHook(user, {}, { nodes: [codeStep], edges: [g.edge("start", "code")] });
    const res = await send(hook.hookId, { body: '{"a":"x\\u0000y","b":"\\ud800"}', query: "?q=%00" });
    expect(res.status).toBe(202);
    const run = await waitForHookRun(user, ((await res.json()) as { runId: string }).runId, 90_000);
    expect(run.status).toBe("succeeded");
    // The step saw the exact strings, and its output (holding them) was recorded and reads back the same.
    expect(run.steps.find((s) => s.stepKey === "code")?.output).toEqual({ result: { a: "x\u0000y", b: "\ud800", q: "\u0000", exact: true } });
    const row = await getDb().query.runs.findFirst({ where: eq(runs.id, run.id) });
    expect((row!.trigger as { body: unknown }).body).toEqual({ a: "x\u0000y", b: "\ud800" });
    const [step] = await getDb().select({ input: runSteps.input }).from(runSteps).where(eq(runSteps.runId, run.id));
    expect((step!.input as { inputs: { body: unknown } }).inputs.body).toEqual({ a: "x\u0000y", b: "\ud800" });
  });

  it("a form body with %00 is accepted and reaches the workflow unchanged", async () => {
    const hook = await activeHook(user, { body: "form" });
    const res = await send(hook.hookId, { body: "name=a%00b&k%00=v", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(202);
    const run = await waitForHookRun(user, ((await res.json()) as { runId: string }).runId);
    expect(run.status).toBe("succeeded");
    expect(run.steps[0]!.output).toEqual({ got: { name: "a\u0000b", "k\u0000": "v" }, method: "POST" });
  });

  it("a webhook body nested 5000 deep gets 422 naming the depth limit, not 503", async () => {
    const hook = await activeHook(user, {});
    const res = await send(hook.hookId, { body: "[".repeat(5000) + "]".repeat(5000) });
    expect(res.status).toBe(422);
    expect(res.headers.get("retry-after")).toBeNull();
    expect(((await res.json()) as { error: string }).error).toBe("The body nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect(await getDb().select({ id: runs.id }).from(runs).where(eq(runs.workflowId, hook.workflowId))).toEqual([]);
  });

  it("a webhook body that is not JSON gets 400 saying why, not 503", async () => {
    const hook = await activeHook(user, {});
    const res = await send(hook.hookId, { body: '{"a":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^The body is not valid JSON: /);
  });

  it("a delivery while Postgres is unreachable gets 503 with Retry-After (an outage that will pass)", async () => {
    const { db, pool } = createDatabase(`postgres://junction:x@127.0.0.1:${await freePort()}/junction`, 1);
    const hookId = "u".repeat(16) + crypto.randomUUID().replaceAll("-", "").slice(0, 16);
    const res = await handleWebhook(hookRequest(hookId, { body: "{}" }), hookId, { db });
    await pool.end();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });

  it("an app-webhook delivery to a hook id with %00 gets 404, not 503 forever", async () => {
    const hookId = decodeURIComponent("hook%00id");
    const res = await handleAppWebhook(new Request(`http://hooks.test/api/hooks/app/hook%00id`, { method: "POST", body: "{}" }), { hookId, db: getDb() });
    expect(res.status).toBe(404);
  });
});
