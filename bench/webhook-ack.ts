/**
 * Webhook acknowledgement: latency (p50/p95/p99) and throughput of signed GitHub deliveries (unique delivery ids)
 * at 50 req/s, 200 req/s and saturation, with autocannon; then the same against n8n on the same machine, in the
 * same run, and the ratio. Goal: p95 <= 50 ms at 200 req/s, and >= 20x n8n's saturation throughput at a lower p95.
 * autocannon's 200 req/s is a burst of 200 requests at the top of each second (its rate limit is a per-second
 * quota per connection), so Junction is also measured at 200 req/s evenly spaced (bench/lib/open-loop.ts). It also
 * prints how long acknowledged deliveries wait for their start in Temporal (the worker's outbox relay).
 *   bash scripts/node.sh bench/webhook-ack.ts
 * Postgres commits with fsync and synchronous_commit on, as under npm start: a 2xx means the delivery is on disk.
 * The worker and Temporal run at lower CPU priority, as under npm start (scripts/lib/priority.ts); SAME_PRIORITY=1
 * runs them at the edge's priority.
 * Env: TARGETS=junction,n8n  SCENARIOS=50,200,saturation  DURATION_S=20  SATURATION_CONNECTIONS=32  SERVER=serve|next|edge (serve: the handler on
 * a bare HTTP server, server/triggers/webhook/serve.ts; next: `next start` alone; edge: what `npm start` serves, the
 * edge (server/edge) in front of `next start`, plus GET /api/health through the edge vs straight to Next.js, to price
 * the proxy for pages. next and edge need a current `next build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { copyFileSync, createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pgLib from "pg";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { webhookEndpoints, workflows, workflowVersions, workspaces } from "../db/schema";
import { freePort } from "../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { lowerPriority } from "../scripts/lib/priority";
import { startTemporalDevServer } from "../scripts/lib/temporal";
import { parseKeyring } from "../server/connections/keyring";
import { sealWebhookSecrets } from "../server/triggers/webhook/secrets";
import { syncWebhookEndpoint } from "../server/triggers/webhook/sync";
import type { Graph } from "../workflows/graph";
import { ackTally, type AckResult } from "./lib/ack-tally";
import { openLoop } from "./lib/open-loop";
import { startDelays, waitForOutboxDrained } from "./lib/start-delay";
import { ensureN8nInstalled, N8N_VERSION, startN8n } from "./lib/n8n";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGETS = (process.env.TARGETS ?? "junction,n8n").split(",");
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const SATURATION_CONNECTIONS = Number(process.env.SATURATION_CONNECTIONS ?? 32);
const SERVER = process.env.SERVER ?? "serve";
const SECRET = "bench-github-secret";
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

type Scenario = { name: string; rate?: number; connections: number };
const ALL_SCENARIOS: Scenario[] = [
  { name: "50 req/s", rate: 50, connections: 10 },
  { name: "200 req/s", rate: 200, connections: 20 },
  { name: "saturation", connections: SATURATION_CONNECTIONS },
];
// SCENARIOS=200 (or 50,saturation): only those, e.g. to repeat one figure; the ratio needs the same ones for both.
const SCENARIOS = process.env.SCENARIOS ? ALL_SCENARIOS.filter((s) => process.env.SCENARIOS!.split(",").some((w) => s.name.startsWith(w))) : ALL_SCENARIOS;
if (SCENARIOS.length === 0) throw new Error(`SCENARIOS=${process.env.SCENARIOS} names none of: ${ALL_SCENARIOS.map((s) => s.name).join(", ")}`);
const STEADY = "200 req/s evenly spaced (open loop)";

let sent = 0;
/** A signed GitHub push delivery with a delivery id of its own. */
function githubDelivery() {
  const id = `${process.pid}-${Date.now()}-${sent++}`;
  const body = JSON.stringify({ ref: "refs/heads/main", after: id, repository: { full_name: "acme/app" }, sender: { login: "octocat" } });
  const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
  return { body, headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": id, "x-hub-signature-256": signature } };
}

/** One autocannon run of signed GitHub deliveries, each with its own delivery id. */
async function hammer(url: string, s: Scenario, durationS: number): Promise<AckResult> {
  const tally = ackTally();
  const options: autocannon.Options = {
    url,
    connections: s.connections,
    duration: durationS,
    ...(s.rate ? { overallRate: s.rate } : {}),
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({ ...req, ...githubDelivery() }),
      },
    ],
  };
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(options, (err, result) => (err ? reject(err as Error) : resolve(result)));
    inst.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => tally.answer(status, ms));
  });
  return tally.result(r.errors + r.timeouts, durationS);
}

function spawnLogged(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string, ready: string): Promise<ChildProcess> {
  const out = createWriteStream(path.join(logDir, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => c.toString().includes(ready) && resolve(child));
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} (log: ${path.join(logDir, `${name}.log`)})`)));
  });
}

// Migrations seed the official integrations, signed with the platform key; the worker verifies with the same.
process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
const dir = path.join(root, ".data", `bench-hooks-${process.pid}`);
mkdirSync(dir, { recursive: true, mode: 0o755 });
const children: ChildProcess[] = [];
const stops: (() => Promise<void>)[] = [];
try {
  if (TARGETS.includes("n8n")) ensureN8nInstalled(say);
  const serverName = { next: "next start", edge: "edge + next start, as npm start", serve: "handler on a bare HTTP server" }[SERVER] ?? SERVER;
  say(`load average before: ${load()} (${serverName}, ${DURATION_S} s per scenario)`);
  const [pgPort, tPort] = [await freePort(), await freePort()];
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, password: "bench", persistent: false, durable: true, logFile: path.join(dir, "pg.log") });
  stops.push(() => pg.stop());
  const temporal = await startTemporalDevServer({ port: tPort, headless: true, logFile: path.join(dir, "temporal.log") });
  stops.push(() => temporal.stop());
  const results: Record<string, Record<string, AckResult>> = {};

  if (TARGETS.includes("junction")) {
    await createDatabaseIfMissing(pg.adminUrl(), "junction");
    await migrateDatabase(pg.adminUrl("junction"));
    const vaultKeys = `1:${randomBytes(32).toString("base64")}`;
    const { pool, db } = createDatabase(pg.adminUrl("junction"), 2);
    const graph = {
      schemaVersion: 1,
      nodes: [
        { id: "start", kind: "trigger", trigger: "webhook", webhook: { verification: { preset: "github" }, limits: { ratePerSecond: 100_000, burst: 100_000 } } },
        { id: "set", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { delivery: "{{ trigger.deliveryId }}" }, settings: { onError: "fail" } },
      ],
      edges: [{ id: "e1", source: "start", target: "set" }],
    } as unknown as Graph;
    const [ws] = await db.insert(workspaces).values({ name: "bench" }).returning();
    const [wf] = await db.insert(workflows).values({ workspaceId: ws!.id, name: "bench", draftGraph: graph, active: true }).returning();
    const [v] = await db.insert(workflowVersions).values({ workflowId: wf!.id, number: 1, graph }).returning();
    await syncWebhookEndpoint({ db }, { workspaceId: ws!.id, workflowId: wf!.id, active: true, version: { id: v!.id, number: 1, graph } });
    const [ep] = await db.select().from(webhookEndpoints);
    const sealed = sealWebhookSecrets(ws!.id, ep!.id, { current: SECRET }, parseKeyring(vaultKeys));
    await db.update(webhookEndpoints).set({ secretsCiphertext: sealed.ciphertext, secretsKeyVersion: sealed.keyVersion, secretSetAt: new Date() });
    await pool.end();

    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: pg.adminUrl("junction"),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: "bench",
      JUNCTION_PAYLOAD_KEY: randomBytes(32).toString("base64"),
      JUNCTION_VAULT_KEYS: vaultKeys,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PORT: String(port),
    };
    children.push(await spawnLogged("worker", ["--no-node-snapshot", "--import", "tsx", "workflows/worker.ts"], env, dir, "worker ready"));
    // As npm start does (scripts/lib/priority.ts); SAME_PRIORITY=1 measures without it.
    if (!process.env.SAME_PRIORITY) {
      lowerPriority("worker", children.at(-1)!.pid!);
      lowerPriority("Temporal dev server", temporal.child.pid);
    }
    const nextStart = (p: number, extra: Record<string, string> = {}) =>
      spawnLogged("web", [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(p), "-H", "127.0.0.1"], { ...env, ...extra, PORT: String(p) }, dir, "Ready");
    // edge: the same two processes and environment as scripts/lib/app-processes.ts spawnWebBehindEdge.
    const webPort = SERVER === "edge" ? await freePort() : port;
    if (SERVER === "edge") {
      children.push(await nextStart(webPort));
      children.push(await spawnLogged("edge", ["--import", "tsx", "server/edge/main.ts"], { ...env, JUNCTION_WEB_PORT: String(webPort), JUNCTION_SERVICE: "edge" }, dir, "edge listening"));
    } else if (SERVER === "next") children.push(await nextStart(port));
    else children.push(await spawnLogged("web", ["--import", "tsx", "server/triggers/webhook/serve.ts"], env, dir, "listening"));
    const url = `http://127.0.0.1:${port}/api/hooks/${ep!.hookId}`;
    await hammer(url, { name: "warm-up", rate: 50, connections: 10 }, 5);
    // Acknowledgement → Temporal start (the outbox relay in the worker), at a light 10 req/s once the warm-up's
    // runs are started; the scenarios below leave a backlog of runs that would measure the backlog instead.
    const outbox = new pgLib.Client({ connectionString: pg.adminUrl("junction") });
    await outbox.connect();
    if (await waitForOutboxDrained(outbox, 60_000)) {
      const since = new Date();
      await openLoop(url, { rate: 10, durationS: 10, connections: 4, makeRequest: githubDelivery });
      await waitForOutboxDrained(outbox, 30_000);
      const d = await startDelays(outbox, since);
      say(`ack → run started in Temporal, 10 req/s evenly spaced: p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, max ${d.max.toFixed(1)} ms (${d.n} deliveries, ${d.unstarted} not started)`);
    } else say("ack → start delay not measured: the warm-up's deliveries were not all started within 60 s");
    await outbox.end();
    results.junction = {};
    for (const s of SCENARIOS) results.junction[s.name] = await hammer(url, s, DURATION_S);
    // The same 200 req/s evenly spaced (autocannon sends each second's quota as a burst; see bench/lib/open-loop.ts).
    if (SCENARIOS.some((s) => s.rate === 200)) results.junction[STEADY] = await openLoop(url, { rate: 200, durationS: DURATION_S, connections: 20, makeRequest: githubDelivery });
    if (SERVER === "edge") {
      // What the proxy costs a page: the same GET straight to Next.js and through the edge, same connections.
      for (const [how, p] of [["direct to next start", webPort], ["through the edge", port]] as const) {
        const r = await autocannon({ url: `http://127.0.0.1:${p}/api/health`, connections: 10, duration: 10 });
        say(`GET /api/health ${how}: p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, ${r.requests.average.toFixed(0)} req/s (${r["2xx"]} 2xx, ${r.non2xx} other) (load ${load()})`);
      }
    }
    for (const c of children.splice(0)) c.kill("SIGTERM");
  }

  if (TARGETS.includes("n8n")) {
    await createDatabaseIfMissing(pg.adminUrl(), "n8n");
    const u = new URL(pg.adminUrl("n8n"));
    const n8n = await startN8n({
      pg: { host: u.hostname, port: Number(u.port), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), database: "n8n" },
      port: await freePort(),
      home: path.join(dir, "n8n-home"),
      logFile: path.join(dir, "n8n.log"),
    });
    stops.unshift(() => n8n.stop());
    await hammer(n8n.url, { name: "warm-up", rate: 50, connections: 10 }, 5);
    results.n8n = {};
    for (const s of SCENARIOS) results.n8n[s.name] = await hammer(n8n.url, s, DURATION_S);
  }

  for (const [target, byScenario] of Object.entries(results)) {
    for (const [name, r] of Object.entries(byScenario)) {
      const label = target === "n8n" ? `n8n ${N8N_VERSION}` : "junction";
      const ms = (v: number) => `${v.toFixed(1)} ms`;
      const others = Object.entries(r.codes).filter(([c]) => !c.startsWith("2")).map(([c, n]) => `${n}x${c}`).join(" ");
      say(`webhook ack, ${label}, ${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, ${r.rps.toFixed(1)} acknowledged/s (${r.ok} 2xx, ${r.bad} other${others ? `: ${others}` : ""}, ${r.errors} errors/timeouts)`);
    }
  }
  if (results.junction && results.n8n) {
    for (const s of SCENARIOS) {
      if (!results.n8n[s.name]) continue;
      const j = results.junction[s.name]!;
      const n = results.n8n[s.name]!;
      say(`ratio at ${s.name}: junction ${j.rps.toFixed(1)}/s vs n8n ${n.rps.toFixed(1)}/s = ${(j.rps / Math.max(n.rps, 0.001)).toFixed(1)}x acknowledged throughput; p95 ${j.p95.toFixed(1)} ms vs ${n.p95.toFixed(1)} ms`);
    }
  }
  say(`load average after: ${load()}`);
} finally {
  for (const c of children) c.kill("SIGKILL");
  // Keep the services' logs for a look afterwards (the data directories go).
  mkdirSync(path.join(root, ".data", "logs"), { recursive: true });
  for (const f of ["web.log", "edge.log", "worker.log", "n8n.log"]) if (existsSync(path.join(dir, f))) copyFileSync(path.join(dir, f), path.join(root, ".data", "logs", `bench-webhook-${f}`));
  for (const stop of stops) await stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
