/**
 * Graph validation and save: how long the web server works synchronously on one graph, and whether another
 * user's requests wait while it does (issue 11: saving 1600 nested loops blocked every page for 24 s).
 *   bash scripts/node.sh bench/graph-validate.ts        (ITERATIONS=… per figure, default 50)
 * 1. In process: the server's checks of a graph (size limits, then inspectGraph) on chains, fan-outs and chains
 *    of loops of 100, 1000 and 5000 nodes, 32 nested loops (the default limit) and 1600 (refused), p50/p95.
 *    5000-node graphs are measured twice: refused at the default limits, and validated with them raised.
 * 2. Over HTTP: the tRPC handler the Next.js route serves (server/api/handler.ts) on a plain HTTP server, with
 *    embedded Postgres: one user saves each graph ITERATIONS times while a second user's probe lists its
 *    workflows every 5 ms; prints save p50/p95, the process's CPU time per save (server, Postgres client and
 *    the in-process caller together: an upper bound on the request's synchronous work that a busy machine
 *    does not inflate), the probe's p50/p95/max during the saves and idle, and the longest event-loop stall.
 * Runs under tsx, which keeps function names at some cost per closure; `next start` does not.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../db/migrate";
import { freePort } from "../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { toRequest, writeResponse } from "../server/edge/node-fetch";
import { graphSizeProblem } from "../server/workflows/graph-limits";
import { DEFAULT_GRAPH_LIMITS, inspectGraph, type GraphLimits } from "../workflows/graph";
import { chainGraph, fanOutGraph, manyLoopsGraph, nestedLoopsGraph } from "../workflows/testing/big-graphs";

const ITERATIONS = Number(process.env.ITERATIONS ?? 50);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RAISED: GraphLimits = { maxNodes: 10_000, maxEdges: 20_000, maxLoopNesting: 1000 };
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const cases: { name: string; graph: unknown }[] = [
  { name: "chain 100", graph: chainGraph(100) },
  { name: "chain 1000", graph: chainGraph(1000) },
  { name: "chain 2000", graph: chainGraph(2000) },
  { name: "chain 5000", graph: chainGraph(5000) },
  { name: "fan-out 1000", graph: fanOutGraph(1000) },
  { name: "fan-out 5000", graph: fanOutGraph(5000) },
  { name: "loops 1000", graph: manyLoopsGraph(1000) },
  { name: "loops 5000", graph: manyLoopsGraph(5000) },
  { name: "nested 32", graph: nestedLoopsGraph(32) },
  { name: "nested 1600", graph: nestedLoopsGraph(1600) },
];

/** What the server does synchronously with a graph on save (server/workflows/publish.ts checkedGraph, minus the catalog query). */
function check(graph: unknown, limits: GraphLimits): string {
  const tooBig = graphSizeProblem(graph, limits);
  if (tooBig) return `refused: ${tooBig}`;
  const { issues } = inspectGraph(graph, undefined, limits);
  return issues.length ? `refused: ${issues[0]!.message}` : "valid";
}

function timeInProcess() {
  console.log(`\n1. validation in process, ${ITERATIONS} runs each: wall p50 / p95, and CPU p50 / p95 (CPU time is what a busy machine does not inflate)`);
  for (const { name, graph } of cases) {
    for (const [label, limits] of [["default limits", DEFAULT_GRAPH_LIMITS], ["raised limits", RAISED]] as const) {
      if (label === "raised limits" && !/5000|1600/.test(name)) continue;
      const graphForRun = name === "nested 1600" && label === "raised limits" ? nestedLoopsGraph(999) : graph;
      let verdict = "";
      for (let i = 0; i < 3; i++) verdict = check(graphForRun, limits); // warm-up
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        check(graphForRun, limits);
        const used = process.cpuUsage(c);
        wall.push(performance.now() - t);
        cpu.push((used.user + used.system) / 1000);
      }
      const shown = name === "nested 1600" && label === "raised limits" ? "nested 999" : name;
      const figures = [pct(wall, 50), pct(wall, 95), pct(cpu, 50), pct(cpu, 95)].map((x) => ms(x).padStart(9)).join(" ");
      console.log(`  ${shown.padEnd(13)} ${label.padEnd(15)} ${figures}  ${verdict.slice(0, 80)}`);
    }
  }
}

async function timeOverHttp() {
  // Migrations seed the official integrations, signed with the platform key: a throwaway one here.
  process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
  process.env.JUNCTION_VAULT_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
  const dir = path.join(root, ".data", `bench-graph-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "bench", persistent: false, logFile: path.join(dir, "pg.log") });
  const server = createServer();
  try {
    await createDatabaseIfMissing(pg.adminUrl(), "junction");
    await migrateDatabase(pg.adminUrl("junction"));
    process.env.DATABASE_URL = pg.adminUrl("junction");
    // Imported only now: they read DATABASE_URL when first used.
    const { newUser } = await import("../server/testing/users");
    const { handleTrpc } = await import("../server/api/handler");
    const { signedInAs } = await import("../server/api/context");
    const [saver, other] = await Promise.all([newUser("Saver"), newUser("Other")]);
    const ids = new Map([[saver.id, saver.id], [other.id, other.id]]);
    server.on("request", (req, res) => {
      const signedIn = () => signedInAs(ids.get(String(req.headers["x-bench-user"])) ?? null);
      void handleTrpc(toRequest(req, undefined), { requestId: "bench", signedIn }).then((response) => writeResponse(res, response));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/trpc`;
    await other.caller.workflow.create({ workspaceId: other.personalWorkspaceId, name: "Other's workflow" });

    const listInput = encodeURIComponent(JSON.stringify({ json: { workspaceId: other.personalWorkspaceId } }));
    const probeOnce = async () => {
      const t = performance.now();
      const res = await fetch(`${base}/workflow.list?input=${listInput}`, { headers: { "x-bench-user": other.id } });
      await res.text();
      if (res.status !== 200) throw new Error(`probe got ${res.status}`);
      return performance.now() - t;
    };
    const probe = () => {
      const samples: number[] = [];
      let running = true;
      const done = (async () => {
        while (running) {
          samples.push(await probeOnce());
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      return async () => {
        running = false;
        await done;
        return samples;
      };
    };

    const idleStop = probe();
    await new Promise((r) => setTimeout(r, 2000));
    const idle = await idleStop();
    console.log(`\n2. over HTTP (tRPC handler + Postgres), ${ITERATIONS} saves each; another user's probe (workflow.list every 5 ms)`);
    console.log(`  probe while idle: p50 ${ms(pct(idle, 50))}, p95 ${ms(pct(idle, 95))}, max ${ms(Math.max(...idle))} (${idle.length} requests)`);

    // The saver is in this process too: its bodies are written before the clock and the stall monitor start.
    const bodyOf = (workflowId: string, draftRevision: number, graph: unknown) => JSON.stringify({ json: { workspaceId: saver.personalWorkspaceId, workflowId, draftRevision, graph } });
    const save = async (body: string) => {
      const t = performance.now();
      const res = await fetch(`${base}/workflow.saveDraft`, { method: "POST", body, headers: { "content-type": "application/json", "x-bench-user": saver.id } });
      const text = await res.text();
      return { ms: performance.now() - t, status: res.status, text };
    };
    const httpCases = [...cases.filter((c) => !/5000/.test(c.name)), ...cases.filter((c) => /5000/.test(c.name)).map((c) => ({ ...c, name: `${c.name} (refused)` }))];
    httpCases.push({ name: "chain 5000, raised", graph: chainGraph(5000) });
    for (const { name, graph } of httpCases) {
      if (name.includes("raised")) Object.assign(process.env, { JUNCTION_GRAPH_MAX_NODES: "10000", JUNCTION_GRAPH_MAX_EDGES: "20000" });
      const wf = await saver.caller.workflow.create({ workspaceId: saver.personalWorkspaceId, name });
      const bodies = Array.from({ length: ITERATIONS + 1 }, (_, i) => bodyOf(wf.id, i + 1, graph));
      let revision = 1;
      const stall = monitorEventLoopDelay({ resolution: 1 });
      const stopProbe = probe();
      stall.enable();
      const saves: number[] = [];
      const cpu: number[] = [];
      let last = { status: 0, text: "" };
      for (let i = 0; i < ITERATIONS; i++) {
        const c = process.cpuUsage();
        const r = await save(bodies[revision - 1]!);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        saves.push(r.ms);
        last = r;
        if (r.status === 200) revision += 1;
      }
      stall.disable();
      const probes = await stopProbe();
      delete process.env.JUNCTION_GRAPH_MAX_NODES;
      delete process.env.JUNCTION_GRAPH_MAX_EDGES;
      const outcome = last.status === 200 ? "saved" : `${last.status} ${(JSON.parse(last.text) as { error: { json: { message: string } } }).error.json.message.slice(0, 70)}`;
      console.log(
        `  ${name.padEnd(22)} save p50 ${ms(pct(saves, 50)).padStart(9)} p95 ${ms(pct(saves, 95)).padStart(9)} | CPU p50 ${ms(pct(cpu, 50)).padStart(8)} p95 ${ms(pct(cpu, 95)).padStart(8)} | probe p50 ${ms(pct(probes, 50))} p95 ${ms(pct(probes, 95))} max ${ms(Math.max(...probes))} | longest stall ${ms(stall.max / 1e6)} | ${outcome}`,
      );
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    const { getPool } = await import("../db/client");
    if (process.env.DATABASE_URL) await getPool().end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Two cores shared with whatever else runs: the load says how much to trust the figures.
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
timeInProcess();
await timeOverHttp();
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
