/**
 * `npm test`: type-check, lint, a production build, vitest against a real PostgreSQL and Temporal started for
 * this run, then the Playwright tests against the build. Stops at the first failing stage; always tears
 * down what it started; ends with the line "N passed, N failed" (vitest + Playwright) and stage timings.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { spawnWebBehindEdge, spawnWorker } from "./lib/app-processes";
import { expected, ExpectedError } from "./lib/fail";
import { nextBuild, staleReason } from "./lib/next-build";
import { freePort } from "./lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "./lib/postgres";
import { describeExit, spawnChild, type Output } from "./lib/processes";
import { seconds } from "./lib/steps";
import { onShutdownSignal, reapLeftovers, Supervisor } from "./lib/supervisor";
import { startTemporalDevServer } from "./lib/temporal";
import { playwrightCounts, vitestCounts, type Counts } from "./lib/test-report";
import { binScript } from "./lib/toolchain";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = path.join(root, ".data");
const logs = path.join(data, "logs");
const runDir = path.join(data, `test-${process.pid}`);
const supervisor = new Supervisor(path.join(runDir, "pids.json"));
const TEMPLATE = "junction_template";
const timings: { name: string; ms: number; result: string }[] = [];
const counts: Counts = { passed: 0, failed: 0 };

/**
 * Development shortcut, never used by CI: `npm test -- --only=vitest [file filters]` or
 * `npm test -- --only=e2e [spec filters]` runs that one stage (with its services) on the given files.
 */
const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (onlyArg !== undefined && onlyArg !== "vitest" && onlyArg !== "e2e") {
  console.error(`--only must be "vitest" or "e2e", not "${onlyArg}"`);
  process.exit(2);
}
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--only="));
const runs = (stageName: "static" | "vitest" | "e2e") => onlyArg === undefined || onlyArg === stageName;

/** One numbered stage: a heading, its duration, and a stop at the first failure. */
async function stage(name: string, fn: () => Promise<string | void>): Promise<void> {
  console.log(`\n━━ ${timings.length + 1}. ${name} ${"━".repeat(Math.max(4, 60 - name.length))}`);
  const started = Date.now();
  try {
    const note = await fn();
    timings.push({ name, ms: Date.now() - started, result: note ?? "ok" });
  } catch (error) {
    timings.push({ name, ms: Date.now() - started, result: interrupted ? "interrupted" : "FAILED" });
    throw error;
  }
}

/** Runs a tool to completion with its own output on our console; a non-zero exit fails the stage. */
async function tool(name: string, bin: string, args: string[], env: NodeJS.ProcessEnv = process.env, output: Output = { kind: "inherit" }) {
  const [node, script] = binScript(root, bin);
  const child = supervisor.add(spawnChild({ name, command: node!, args: [script!, ...args], cwd: root, env, output }), { task: true });
  const exit = await child.exited;
  if (exit.code !== 0) throw expected(`${name} ${describeExit(exit)}`);
}

async function main(): Promise<void> {
  process.chdir(root);
  mkdirSync(logs, { recursive: true });
  await removeStaleRunDirs();
  // mkdir, not mkdtemp: mkdtemp makes mode 700, and the embedded server runs as `postgres` (when we are root).
  mkdirSync(runDir, { recursive: true, mode: 0o755 });

  if (runs("static")) {
    await stage("Type check (tsc --noEmit)", () => tool("tsc", "tsc", ["--noEmit", "-p", "tsconfig.json"]));
    await stage("Lint (eslint --max-warnings=0)", () => tool("eslint", "eslint", ["--max-warnings=0", "."]));
  }

  const services = await startServices();
  const e2e = runs("e2e") ? await e2eSetup(services) : undefined;

  // Built before vitest when the browser tests will need it anyway: scripts/start-crash.test.ts runs the real npm
  // start, which would otherwise build it there, on the cores the other test files are using.
  if (e2e && runs("vitest")) await stage("Production build (next build, when stale)", () => buildIfStale(e2e.env));

  if (runs("vitest")) await stage("Unit and integration tests (vitest)", async () => {
    const report = path.join(runDir, "vitest.json");
    const env = {
      ...services.env,
      TEST_PG_ADMIN_URL: services.adminUrl("postgres"),
      TEST_PG_TEMPLATE: TEMPLATE,
      NEXTAUTH_URL: "http://localhost:3000",
      NODE_ENV: "test" as const,
    };
    try {
      await tool("vitest", "vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...filters], env);
    } finally {
      add(vitestCounts(report));
    }
  });

  if (e2e) await stage("Browser tests (next build + playwright)", async () => {
    const { env, github, githubPort, port } = e2e;
    await buildIfStale(env);
    const logTo = (name: string): Output => {
      const file = path.join(logs, `test-${name}.log`);
      rmSync(file, { force: true });
      return { kind: "log", file };
    };
    // Its sandbox may reach loopback: the browser tests' stand-ins for third-party services listen there.
    supervisor.add(spawnWorker(root, { ...env, NODE_ENV: "test", JUNCTION_SANDBOX_LOOPBACK_FOR_TESTS: "1" }, logTo("worker")));
    // Through the edge, as `npm start` serves it: the browser tests cover the proxy and the edge's webhook routes.
    await spawnWebBehindEdge(root, port, env, logTo, (spawn) => supervisor.add(spawn()));
    console.log(`app on http://localhost:${port} (logs: .data/logs/test-web.log, test-edge.log, test-worker.log)`);
    const report = path.join(runDir, "playwright.json");
    try {
      await tool("playwright", "playwright", ["test", ...filters], {
        ...process.env,
        ...github,
        FAKE_GITHUB_PORT: String(githubPort),
        METRICS_TOKEN: env.METRICS_TOKEN,
        BASE_URL: `http://localhost:${port}`,
        // For e2e/mail-helpers.ts, which makes an account platform admin as an operator does (npm run admin -- grant).
        JUNCTION_E2E_DATABASE_URL: env.DATABASE_URL,
        PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      });
    } finally {
      add(playwrightCounts(report));
    }
  });
}

/** The browser tests' database, ports and environment. */
async function e2eSetup(services: Awaited<ReturnType<typeof startServices>>) {
  await createDatabaseIfMissing(services.adminUrl("postgres"), "junction_e2e", TEMPLATE);
  const [port, githubPort] = [await freePort(), await freePort()];
  // GitHub sign-in runs against the loopback GitHub that e2e/github-sign-in.spec.ts starts on githubPort.
  const github = { GITHUB_ID: "junction-e2e", GITHUB_SECRET: randomBytes(16).toString("hex"), GITHUB_URL: `http://127.0.0.1:${githubPort}` };
  const env: NodeJS.ProcessEnv = {
    ...services.env,
    ...github,
    DATABASE_URL: services.adminUrl("junction_e2e"),
    NEXTAUTH_URL: `http://localhost:${port}`,
    // A TLS-terminating proxy in front of the edge, as e2e/sign-in-throttle.spec.ts plays it (from 127.0.0.2).
    TRUST_PROXY: "127.0.0.2",
    // One hashing slot on any machine, and a queue longer than the burst e2e/sign-in-throttle.spec.ts sends at one
    // account (40), so what stops that burst is the attempt count, not the queue; its overflow test sends more.
    JUNCTION_PASSWORD_HASH_SLOTS: "1",
    JUNCTION_PASSWORD_HASH_QUEUE: "40",
    // e2e/operations.spec.ts scrapes /api/metrics with it, as an operator's Prometheus would.
    METRICS_TOKEN: randomBytes(24).toString("hex"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info", // into .data/logs/test-web.log, for failures
  };
  return { env, github, githubPort, port };
}

/** `next build` unless .next is current. The build sees the environment of the server it is for (server code may read it while prerendering). */
async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const reason = staleReason(root);
  if (!reason) {
    console.log("next build: .next is up to date");
    return;
  }
  const log = path.join(logs, "next-build.log");
  rmSync(log, { force: true });
  console.log(`next build (${reason}); log: ${path.relative(root, log)}`);
  await nextBuild(root, env, log, (child) => supervisor.add(child, { task: true }));
}

/** PostgreSQL in a throwaway data dir and an in-memory Temporal, on free ports; then the migrated template. */
async function startServices() {
  let result!: { adminUrl: (db?: string) => string; env: NodeJS.ProcessEnv };
  await stage("Start PostgreSQL and Temporal, migrate the template database", async () => {
    const [pgPort, temporalPort] = [await freePort(), await freePort()];
    const [postgres, temporal] = await Promise.all([
      startEmbeddedPostgres({
        dataDir: path.join(runDir, "postgres"),
        port: pgPort,
        password: randomBytes(12).toString("hex"),
        persistent: false,
        logFile: path.join(runDir, "postgres.log"),
      }).then((pg) => (supervisor.add(pg.child), pg)),
      startTemporalDevServer({ port: temporalPort, headless: true, logFile: path.join(runDir, "temporal.log") }).then(
        (t) => (supervisor.add(t.child), t),
      ),
    ]);
    await createDatabaseIfMissing(postgres.adminUrl(), TEMPLATE);
    // One signing key per test run: the migration signs the official integrations with it, the worker verifies.
    const signingKey = randomBytes(32).toString("base64");
    process.env.JUNCTION_SIGNING_KEY = signingKey;
    const { migrateDatabase } = await import("../db/migrate");
    await migrateDatabase(postgres.adminUrl(TEMPLATE));
    const secret = randomBytes(32).toString("base64url");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: "default",
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      // One payload key per test run, shared by vitest, the worker and the web process.
      JUNCTION_PAYLOAD_KEY: randomBytes(32).toString("base64"),
      // One vault key per test run (connection credentials); tests that rotate build their own keyrings.
      JUNCTION_VAULT_KEYS: `1:${randomBytes(32).toString("base64")}`,
      JUNCTION_SIGNING_KEY: signingKey,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    };
    delete env.DATABASE_URL; // never the developer's own database
    result = { adminUrl: postgres.adminUrl, env };
    console.log(`PostgreSQL on 127.0.0.1:${pgPort}, Temporal on ${temporal.address}`);
  });
  return result;
}

function add(c: Counts): void {
  counts.passed += c.passed;
  counts.failed += c.failed;
}

/** Leftovers of runs killed with -9: stop their processes, delete their data. Live runs are left alone. */
async function removeStaleRunDirs(): Promise<void> {
  if (!existsSync(data)) return;
  for (const entry of readdirSync(data)) {
    const pid = /^test-(\d+)$/.exec(entry)?.[1];
    if (!pid || Number(pid) === process.pid) continue;
    const dir = path.join(data, entry);
    if (await reapLeftovers(path.join(dir, "pids.json"))) continue;
    if (!existsSync(path.join(dir, "pids.json")) && existsSync(`/proc/${pid}`)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function teardown(): Promise<void> {
  await supervisor.stopAll();
  rmSync(runDir, { recursive: true, force: true });
}

function summary(): void {
  console.log("\n━━ Summary " + "━".repeat(56));
  for (const t of timings) console.log(`  ${t.name.padEnd(62)} ${seconds(t.ms).padStart(7)}  ${t.result}`);
  console.log(`  ${"total".padEnd(62)} ${seconds(timings.reduce((s, t) => s + t.ms, 0)).padStart(7)}`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
}

let interrupted = false;
onShutdownSignal(
  () => {
    interrupted = true;
    void teardown().then(() => {
      summary();
      process.exit(130);
    });
  },
  () => supervisor.killAll(),
);

main().then(
  async () => {
    await teardown();
    summary();
    process.exit(counts.failed > 0 ? 1 : 0);
  },
  async (error: unknown) => {
    if (interrupted) return; // the signal handler tears down and exits
    await teardown().catch(() => {});
    if (error instanceof ExpectedError) console.error(`\n✗ ${error.message}`);
    else console.error(error);
    summary();
    process.exit(1);
  },
);
