import { verify } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { connections, integrationSecrets, runSteps } from "../db/schema";
import { createSandboxHost, type SandboxHost } from "../integrations/runtime";
import { completeOAuth } from "../server/connections/oauth/callback";
import { oauthRedirectUri } from "../server/connections/oauth/redirect-uri";
import { followToRedirect, startLoopbackProvider, type LoopbackProvider } from "../server/connections/oauth/testing/loopback-provider";
import { sealConnection, unsealConnection } from "../server/connections/row-seal";
import { publicKeyObject } from "../server/integrations/secret-seal";
import { newUser } from "../server/testing/users";
import { temporal } from "./client";
import { EncryptionCodec, parsePayloadKey } from "./codec";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";
import { installProbe, probeNode, startProbeService, storeProbe } from "./testing/probe";

/**
 * Integration actions in real runs: real Temporal, real Postgres, the probe integration built by the real CLI,
 * stored signed, loaded and verified by the worker and run in the real sandbox (its own processes, isolates).
 */
type User = Awaited<ReturnType<typeof newUser>>;
const GOOD_TOKEN = `probe-token-${crypto.randomUUID()}`;

let alice: User;
let bob: User;
let sandbox: SandboxHost;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let service: Awaited<ReturnType<typeof startProbeService>>;
let op: LoopbackProvider;
const captured: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  // Everything the worker and the sandbox write to the console, to prove no secret reaches the logs.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return write(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  const probe = await storeProbe(getDb());
  alice = await newUser("Alice");
  bob = await newUser("Bob");
  await installProbe(getDb(), alice.personalWorkspaceId, probe);
  await installProbe(getDb(), bob.personalWorkspaceId, probe);
  service = await startProbeService(GOOD_TOKEN);
  op = await startLoopbackProvider(oauthRedirectUri());
  // Two executions of one integration at a time, so the parallelism test has a small bound to hit.
  sandbox = createSandboxHost({ allowLoopbackForTests: true, processes: 1, maxConcurrentPerIntegration: 2 });
  worker = await startTestWorker({ deps: { db: getDb(), sandbox } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await sandbox?.close();
  await service?.close();
  await op?.close();
  for (const r of restore) r();
});

async function run(user: User, nodes: unknown[], input: Record<string, unknown> = {}) {
  const ids = (nodes as { id: string }[]).map((n) => n.id);
  const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), ...nodes], edges: g.chain("start", ...ids) });
  const { runId } = await user.caller.run.start({ workspaceId, workflowId, input });
  return waitForRun(user, runId, 90_000);
}
type Run = Awaited<ReturnType<typeof run>>;
const step = (r: Run, key: string) => r.steps.filter((s) => s.stepKey === key).at(-1)!;
const once = { settings: { retry: { maxAttempts: 3, initialIntervalMs: 100 } } };

describe("integration actions through the sandbox", () => {
  it("keeps ctx.store per installation: it persists across runs of one workspace, not across workspaces", async () => {
    const first = await run(alice, [probeNode("count", "count")]);
    const second = await run(alice, [probeNode("count", "count", { by: 2 })]);
    const other = await run(bob, [probeNode("count", "count")]);
    expect([first.status, second.status, other.status]).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(step(first, "count").output).toEqual({ n: 1 });
    expect(step(second, "count").output).toEqual({ n: 3 });
    expect(step(other, "count").output).toEqual({ n: 1 });
  });

  it("records ctx.log lines and the sandbox's resource usage in the step record", async () => {
    const r = await run(alice, [probeNode("count", "count")]);
    const [row] = await getDb().select().from(runSteps).where(eq(runSteps.runId, r.id));
    expect(row!.logs).toEqual([{ level: "info", message: "counted", data: { n: 4 }, at: expect.any(String) }]);
    expect(row!.usage).toMatchObject({ cpuMs: expect.any(Number), wallMs: expect.any(Number), heapPeakBytes: expect.any(Number), fetchCount: 0, fetchBytes: 0 });
    expect(row!.heapPeakBytes).toBeGreaterThan(0);
    expect(row!.cpuMs).not.toBeNull();
  });

  it("signs with an installation key whose public half verifies the signature; the private half stays sealed", async () => {
    const r1 = await run(alice, [probeNode("sign", "sign", { message: "hello {{ trigger.body.who }}" })], { who: "world" });
    const r2 = await run(alice, [probeNode("sign", "sign", { message: "again" })]);
    const a = step(r1, "sign").output as { signature: string; publicKey: string };
    const b = step(r2, "sign").output as { signature: string; publicKey: string };
    expect(b.publicKey).toBe(a.publicKey);
    const key = publicKeyObject(a.publicKey);
    expect(verify(null, Buffer.from("hello world"), key, Buffer.from(a.signature, "base64"))).toBe(true);
    expect(verify(null, Buffer.from("again"), key, Buffer.from(b.signature, "base64"))).toBe(true);
    expect(verify(null, Buffer.from("tampered"), key, Buffer.from(a.signature, "base64"))).toBe(false);
    const [row] = await getDb().select().from(integrationSecrets).where(eq(integrationSecrets.kind, "ed25519"));
    expect(row!.publicKey).toBe(a.publicKey);
  });

  it("passes decrypted credentials and a stable secret to the action, and neither reaches run_steps, Temporal or the logs", async () => {
    const conn = await alice.caller.connection.create({
      workspaceId: alice.personalWorkspaceId, name: "Probe", integrationSlug: "probe", kind: "custom", fields: { token: GOOD_TOKEN, baseUrl: service.url },
    });
    const r1 = await run(alice, [probeNode("call", "call", {}, { connectionId: conn.id })]);
    const r2 = await run(alice, [probeNode("call", "call", {}, { connectionId: conn.id })]);
    expect(step(r1, "call")).toMatchObject({ status: "succeeded", output: { status: 200, sameSecret: true } });
    expect(step(r2, "call").output).toEqual({ status: 200, sameSecret: true });
    // getOrCreate is stable: the service saw one value, once per run.
    expect(service.secretsSeen).toHaveLength(2);
    expect(new Set(service.secretsSeen).size).toBe(1);
    const secret = service.secretsSeen[0]!;
    expect(secret).toMatch(/^[\w-]{43}$/);

    const needles = [GOOD_TOKEN, secret];
    const rows = await getDb().execute(sql`select row_to_json(s)::text as j from run_steps s`);
    const stepText = rows.rows.map((row) => String(row.j)).join("\n");
    expect(stepText).toMatch(/"sameSecret": ?true/); // the search really covers the step records
    const stored = await getDb().execute(sql`select row_to_json(t)::text as j from integration_secrets t union all select row_to_json(c)::text from connections c`);
    const historyText = (await Promise.all([r1.id, r2.id].map(decodedHistory))).join("\n");
    expect(historyText).toContain('"status":200'); // decrypted: the step's output is in there
    for (const needle of needles) {
      expect(stepText).not.toContain(needle);
      expect(historyText).not.toContain(needle);
      expect(captured.join("")).not.toContain(needle);
      expect(stored.rows.map((row) => String(row.j)).join("\n")).not.toContain(needle);
    }
  });

  it("fails a step that breaches a limit non-retryably, naming the limit, and the worker keeps running", async () => {
    // cpuMs comes from the probe's manifest (1500); heapMb from the node's settings.
    const burn = await run(alice, [probeNode("burn", "burn", {}, once)]);
    expect(burn.status).toBe("failed");
    expect(burn.steps.filter((s) => s.stepKey === "burn")).toHaveLength(1);
    expect(step(burn, "burn").error).toMatchObject({ type: "LimitExceeded", message: expect.stringContaining("limit cpu") });
    // A generous CPU limit for the hog: near a 16 MB heap its GC thrash once used up the manifest's 1.5 s of CPU
    // first on a loaded machine, and this step is about the heap limit.
    const hog = await run(alice, [probeNode("hog", "hog", {}, { settings: { retry: { maxAttempts: 3 }, limits: { heapMb: 16, cpuMs: 20_000 } } })]);
    expect(hog.status).toBe("failed");
    expect(hog.steps.filter((s) => s.stepKey === "hog")).toHaveLength(1);
    expect(step(hog, "hog").error).toMatchObject({ type: "LimitExceeded", message: expect.stringContaining("limit heap") });
    const after = await run(alice, [probeNode("count", "count")]);
    expect(after.status).toBe("succeeded");
  });

  it("refuses to publish a node that asks for more than the 512 MB heap maximum, naming the field", async () => {
    const wf = await alice.caller.workflow.create({ workspaceId: alice.personalWorkspaceId, name: "Too big" });
    const graph = { schemaVersion: 1, nodes: [g.trigger(), probeNode("hog", "hog", {}, { settings: { limits: { heapMb: 1024 } } })], edges: g.chain("start", "hog") };
    const saved = await alice.caller.workflow.saveDraft({ workspaceId: alice.personalWorkspaceId, workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.problems.map((p) => `${p.nodeId}.${p.field}`)).toEqual(["hog.settings.limits.heapMb"]);
    const error = await alice.caller.workflow.publish({ workspaceId: alice.personalWorkspaceId, workflowId: wf.id, message: "" }).catch((e: unknown) => e);
    const fieldErrors = (error as { cause?: { fieldErrors?: Record<string, string[]> } }).cause?.fieldErrors;
    expect(Object.keys(fieldErrors ?? {})).toEqual(["nodes.hog.settings.limits.heapMb"]);
    expect(fieldErrors!["nodes.hog.settings.limits.heapMb"]![0]).toMatch(/512/);
  });

  it("only lets declared actions into steps: an option loader's entry key is named on save and refused for a test run or publishing", async () => {
    const wf = await alice.caller.workflow.create({ workspaceId: alice.personalWorkspaceId, name: "Entry key" });
    const graph = { schemaVersion: 1, nodes: [g.trigger(), probeNode("sneaky", "pick_user:options:user")], edges: g.chain("start", "sneaky") };
    const saved = await alice.caller.workflow.saveDraft({ workspaceId: alice.personalWorkspaceId, workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.problems).toEqual([{ nodeId: "sneaky", field: "action", message: "Unknown action probe@1.0.0/pick_user:options:user" }]);
    const ids = { workspaceId: alice.personalWorkspaceId, workflowId: wf.id };
    for (const attempt of [() => alice.caller.workflow.runManual({ ...ids, payload: {} }), () => alice.caller.workflow.publish({ ...ids, message: "" })]) {
      const error = await attempt().catch((e: unknown) => e);
      expect((error as { cause?: { fieldErrors?: unknown } }).cause?.fieldErrors).toEqual({ "nodes.sneaky.action": ["Unknown action probe@1.0.0/pick_user:options:user"] });
    }
  });

  it("refuses fetch to a host the manifest does not declare", async () => {
    const r = await run(alice, [probeNode("leak", "leak", {}, once)]);
    expect(r.status).toBe("failed");
    expect(r.steps.filter((s) => s.stepKey === "leak")).toHaveLength(1);
    expect(step(r, "leak").error).toMatchObject({ type: "NetworkPolicyError", message: expect.stringContaining("undeclared.example.com") });
  });

  it("runs the official Code and Transform integrations (seeded by the migration) in the sandbox", async () => {
    const official = (integration: string, id: string, key: string, input: Record<string, unknown>) => ({ id, kind: "action" as const, action: { integration, version: "1.0.0", key }, input });
    const r = await run(alice, [
      official("code", "code", "run_code", { code: "log.info('doubling'); return inputs.n * 2;", inputs: { n: "{{ trigger.body.n }}" } }),
      official("transform", "pick", "pick_fields", { data: { a: "{{ steps.code.output.result }}", b: 2 }, fields: ["a"] }),
    ], { n: 21 });
    expect(r.status).toBe("succeeded");
    expect(step(r, "code").output).toEqual({ result: 42 });
    expect(step(r, "pick").output).toMatchObject({ result: { a: 42 } });
    expect(step(r, "code").logs).toEqual([expect.objectContaining({ message: "doubling" })]);
    expect(step(r, "code").usage).toMatchObject({ cpuMs: expect.any(Number) });
  });

  it("runs at most the per-integration number of executions at once; the rest queue", async () => {
    service.resetInFlight();
    const nodes = [{ id: "each", kind: "loop", items: "{{ trigger.body.items }}", concurrency: 5 }, probeNode("wait", "wait", { url: `${service.url}/slow` })];
    const { workspaceId, workflowId } = await publishGraph(alice, { schemaVersion: 1, nodes: [g.trigger(), ...nodes], edges: [g.edge("start", "each"), g.edge("each", "wait", "each")] });
    const { runId } = await alice.caller.run.start({ workspaceId, workflowId, input: { items: [1, 2, 3, 4, 5] } });
    const r = await waitForRun(alice, runId, 90_000);
    expect(r.status).toBe("succeeded");
    // The loop node has a row of its own (control nodes are recorded); the five item steps are "each[i].wait".
    expect(r.steps.filter((s) => s.status === "succeeded" && s.nodeId === "wait")).toHaveLength(5);
    expect(service.maxInFlight()).toBe(2);
    const queued = await getDb().select({ usage: runSteps.usage }).from(runSteps).where(and(eq(runSteps.runId, runId), eq(runSteps.nodeId, "wait")));
    expect(queued.some((q) => ((q.usage as { queuedMs: number }).queuedMs ?? 0) > 100)).toBe(true);
  });
});

describe("editor calls run on the worker, through Temporal", () => {
  const options = (input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    alice.caller.integration.options({ workspaceId: alice.personalWorkspaceId, integration: "probe", version: "1.0.0", action: "pick_user", field: "user", input, ...extra });
  const fieldErrorsOf = (e: unknown) => (e as { cause?: { fieldErrors?: Record<string, string[]> } }).cause?.fieldErrors;

  it("lists the workspace's actions with their JSON Schemas and dynamic-option fields", async () => {
    const catalog = await alice.caller.integration.catalog({ workspaceId: alice.personalWorkspaceId });
    expect(catalog.map((c) => c.slug)).toEqual(expect.arrayContaining(["probe", "http-request", "code", "transform"]));
    const pick = catalog.find((c) => c.slug === "probe")!.actions.find((a) => a.key === "pick_user")!;
    expect(pick.input).toMatchObject({ type: "object", properties: { team: { type: "string" }, user: { type: "string" } }, required: ["team", "user"] });
    expect(pick.output).toMatchObject({ properties: { user: { type: "string" } } });
    expect(pick.dynamicOptions).toEqual([{ field: "user", dependsOn: ["team"], searchable: true }]);
    // Another workspace did not install probe: it is not offered there.
    const others = await alice.caller.integration.catalog({ workspaceId: (await alice.caller.workspace.create({ name: "Empty" })).id });
    expect(others.map((c) => c.slug)).not.toContain("probe");
  });

  it("loads dynamic options with the fields they depend on, and searches", async () => {
    expect((await options({ team: "eng" })).options).toEqual([
      { label: "ada (eng)", value: "eng/ada" },
      { label: "alan (eng)", value: "eng/alan" },
      { label: "grace (eng)", value: "eng/grace" },
    ]);
    expect((await options({ team: "ops" }, { search: "gr" })).options).toEqual([{ label: "grace (ops)", value: "ops/grace" }]);
  });

  it("says which field to fill in first, and refuses unknown fields, before reaching the worker", async () => {
    expect(fieldErrorsOf(await options({}).catch((e: unknown) => e))).toEqual({ "input.team": ['Fill in "team" first: the choices for "user" depend on it.'] });
    const unknown = await alice.caller.integration.options({ workspaceId: alice.personalWorkspaceId, integration: "probe", version: "1.0.0", action: "pick_user", field: "team", input: {} }).catch((e: unknown) => e);
    expect(fieldErrorsOf(unknown)).toEqual({ field: ['"team" of Pick a user has no options to load.'] });
  });

  it("tests a connection with its stored credentials and records its health", async () => {
    const create = (token: string) =>
      alice.caller.connection.create({ workspaceId: alice.personalWorkspaceId, name: `Probe ${token.slice(0, 8)}`, integrationSlug: "probe", kind: "custom", fields: { token, baseUrl: service.url } });
    const good = await create(GOOD_TOKEN);
    const bad = await create(`wrong-${crypto.randomUUID()}`);
    expect(await alice.caller.connection.test({ workspaceId: alice.personalWorkspaceId, connectionId: good.id })).toEqual({ ok: true });
    expect(await alice.caller.connection.test({ workspaceId: alice.personalWorkspaceId, connectionId: bad.id })).toEqual({ ok: false, message: "The probe service rejected the token." });
    const health = async (id: string) => (await getDb().select().from(connections).where(eq(connections.id, id)))[0]!.health;
    expect([await health(good.id), await health(bad.id)]).toEqual(["ok", "test_failed"]);
  });
});

describe("OAuth2 connections in steps", () => {
  let connectionId: string;
  const userinfo = () => `${op.issuer}/me`;

  beforeAll(async () => {
    const { authorizeUrl } = await alice.caller.connection.oauthStart({
      workspaceId: alice.personalWorkspaceId, name: "Probe OAuth", integrationSlug: "probe", authorizeUrl: `${op.issuer}/auth`, tokenUrl: `${op.issuer}/token`,
      clientId: op.clientId, clientSecret: op.clientSecret, scopes: ["openid"],
    });
    const back = await followToRedirect(authorizeUrl, oauthRedirectUri());
    await completeOAuth(getDb(), alice.id, back.searchParams);
    const [row] = await getDb().select().from(connections).where(eq(connections.name, "Probe OAuth"));
    connectionId = row!.id;
  });
  const row = async () => (await getDb().select().from(connections).where(eq(connections.id, connectionId)))[0]!;

  it("refreshes a token about to expire before the step runs", async () => {
    const before = unsealConnection(await row());
    await getDb().update(connections).set({ oauthExpiresAt: new Date(Date.now() + 30_000) }).where(eq(connections.id, connectionId));
    const r = await run(alice, [probeNode("me", "whoami", { url: userinfo() }, { connectionId })]);
    expect(r.status).toBe("succeeded");
    expect(step(r, "me").output).toEqual({ sub: "loopback-user" });
    expect(unsealConnection(await row()).accessToken).not.toBe(before.accessToken);
    expect((await row()).oauthExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
  });

  it("refreshes once when the service answers 401, then runs the action again", async () => {
    const current = await row();
    const secrets = unsealConnection(current);
    // The provider no longer honours the stored access token (revoked, rotated elsewhere): a 401 is coming.
    await getDb().update(connections).set(sealConnection(current.workspaceId, current.id, { ...secrets, accessToken: "revoked-token" })).where(eq(connections.id, connectionId));
    const r = await run(alice, [probeNode("me", "whoami", { url: userinfo() }, { connectionId, ...once })]);
    expect(r.status).toBe("succeeded");
    expect(r.steps.filter((s) => s.stepKey === "me")).toHaveLength(1);
    expect(step(r, "me").output).toEqual({ sub: "loopback-user" });
    const after = unsealConnection(await row());
    expect(after.accessToken).not.toBe("revoked-token");
    expect(after.refreshToken).not.toBe(secrets.refreshToken);
  });
});

/** Every payload of the run's Temporal history, decrypted with the payload key, plus the history's own text. */
async function decodedHistory(runId: string): Promise<string> {
  const { client } = await temporal();
  const history = await client.workflow.getHandle(runId).fetchHistory();
  const codec = new EncryptionCodec(parsePayloadKey(process.env.JUNCTION_PAYLOAD_KEY));
  const texts: string[] = [];
  const walk = async (value: unknown): Promise<void> => {
    if (value === null || typeof value !== "object") return;
    if (value instanceof Uint8Array) return;
    const o = value as { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
    if (o.data instanceof Uint8Array && o.metadata && typeof o.metadata === "object") {
      const [plain] = await codec.decode([o as never]);
      texts.push(Buffer.from((plain as { data: Uint8Array }).data).toString("utf8"));
      return;
    }
    for (const v of Object.values(value)) await walk(v);
  };
  await walk(history);
  return `${texts.join("\n")}\n${JSON.stringify(history)}`;
}
