/**
 * `npm start`: the whole platform on one machine. Embedded PostgreSQL and the Temporal dev server unless
 * DATABASE_URL / TEMPORAL_ADDRESS point elsewhere; then migrations, `next build` when stale, the worker and
 * `next start` behind the edge on PORT (server/edge: webhooks answered there, the rest proxied). Once running, a
 * process that dies is restarted with backoff; five crashes of one within a minute stop everything
 * (scripts/lib/supervisor.ts). Ctrl-C stops every child in reverse order and exits 0. Data lives in
 * .data/ and survives.
 * (scripts/setup.sh has already run: the npm script chains it.)
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { spawnWebBehindEdge, spawnWorker } from "./lib/app-processes";
import { expected, runMain } from "./lib/fail";
import { nextBuild, staleReason } from "./lib/next-build";
import { assertPortFree, portFromEnv } from "./lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres, stopOrphanedServer } from "./lib/postgres";
import { describeExit } from "./lib/processes";
import { checkPostgresUrl, checkTemporalAddress } from "./lib/reachability";
import { persistedSecret } from "./lib/secrets";
import { step } from "./lib/steps";
import { crashLoopPolicy, onShutdownSignal, reapLeftovers, Supervisor } from "./lib/supervisor";
import { lowerPriority } from "./lib/priority";
import { startTemporalDevServer } from "./lib/temporal";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// JUNCTION_DATA_DIR moves the data elsewhere (a second install on one machine; the start-up fault tests).
const data = process.env.JUNCTION_DATA_DIR ? path.resolve(process.env.JUNCTION_DATA_DIR) : path.join(root, ".data");
const logs = path.join(data, "logs");
const pgDir = path.join(data, "postgres");
const pidFile = path.join(data, "pids.json");
const supervisor = new Supervisor(pidFile);

let finish: (code: number) => void = () => {};
const finished = new Promise<number>((resolve) => (finish = resolve));
let shuttingDown = false;
function shutdown(code: number): void {
  if (shuttingDown) return;
  shuttingDown = true;
  void supervisor.stopAll().then(() => {
    console.log("Stopped.");
    finish(code);
  });
}

async function main(): Promise<number> {
  process.chdir(root);
  // .env is optional; variables already in the environment win over it.
  if (existsSync(".env")) process.loadEnvFile(".env");
  mkdirSync(logs, { recursive: true });
  onShutdownSignal(() => shutdown(0), () => supervisor.killAll());
  // Until Junction runs, a crash stops everything: it is a start-up failure (a bad setting, a broken build) that
  // restarting would only repeat. Once it runs, every process is restarted: embedded Postgres and Temporal, the
  // worker, the web app and the edge (see startAll).
  supervisor.onCrash = (child, exit) => {
    console.error(`✗ ${child.name} ${describeExit(exit)}; stopping everything.`);
    shutdown(1);
  };
  supervisor.onRestart = ({ child, exit, delayMs, crashes, policy }) => {
    console.error(`⚠ ${child.name} ${describeExit(exit)}; restarting in ${delayMs / 1000} s (crash ${crashes} of ${policy.limit} in the last ${policy.windowMs / 1000} s)`);
  };
  supervisor.onRestarted = (child) => console.log(`▸ ${child.name} restarted (pid ${child.pid})`);
  supervisor.onCrashLoop = (child, exit, crashes) => {
    const tail = child.tail(15).trim();
    console.error(
      `✗ ${child.name} crashed ${crashes} times in ${supervisor.policy.windowMs / 1000} s (the last time it ${describeExit(exit)}); stopping everything.` +
        (tail ? ` Its last output:\n${tail}` : " It printed nothing.") +
        (child.logFile ? `\n(all of it: ${path.relative(root, child.logFile)})` : ""),
    );
    shutdown(1);
  };
  try {
    await startAll();
  } catch (error) {
    if (shuttingDown) return finished; // a Ctrl-C during startup makes the step in progress fail: expected
    throw error;
  }
  return finished;
}

async function startAll(): Promise<void> {
  try {
    supervisor.policy = crashLoopPolicy(process.env);
  } catch (error) {
    throw expected((error as Error).message);
  }
  const running = await reapLeftovers(pidFile);
  if (running) throw expected(`Junction is already running from this folder (pid ${running}). Stop it first.`);

  const port = portFromEnv("PORT", 3000);
  const pgPort = portFromEnv("JUNCTION_PG_PORT", 54329);
  const temporalPort = portFromEnv("TEMPORAL_PORT", 7233);
  const uiPort = portFromEnv("TEMPORAL_UI_PORT", 8233);
  const namespace = process.env.TEMPORAL_NAMESPACE || "default";
  let databaseUrl = process.env.DATABASE_URL;
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let uiUrl: string | undefined;

  await assertPortFree(port, "web app", "PORT");
  if (!databaseUrl) {
    await stopOrphanedServer(pgDir);
    await assertPortFree(pgPort, "embedded Postgres", "JUNCTION_PG_PORT");
  }
  if (!temporalAddress) {
    await assertPortFree(temporalPort, "Temporal", "TEMPORAL_PORT");
    await assertPortFree(uiPort, "Temporal UI", "TEMPORAL_UI_PORT");
  }

  if (databaseUrl) {
    await step("Checking Postgres (DATABASE_URL)", () => checkPostgresUrl(databaseUrl!));
  } else {
    databaseUrl = await step(`Starting PostgreSQL (embedded, data in ${path.relative(root, pgDir)}, port ${pgPort})`, async () => {
      const postgres = await startEmbeddedPostgres({
        dataDir: pgDir,
        port: pgPort,
        password: persistedSecret(path.join(data, "postgres-password")),
        persistent: true,
        logFile: path.join(logs, "postgres.log"),
      });
      supervisor.keep(postgres.respawn, undefined, postgres.child);
      await createDatabaseIfMissing(postgres.adminUrl(), "junction");
      return postgres.adminUrl("junction");
    });
  }
  if (shuttingDown) return;

  if (temporalAddress) {
    await step(`Checking Temporal at ${temporalAddress} (TEMPORAL_ADDRESS)`, () =>
      checkTemporalAddress(temporalAddress!, namespace),
    );
  } else {
    const temporal = await step(`Starting Temporal dev server (data in ${path.relative(root, data)}/temporal.db, port ${temporalPort})`, () =>
      startTemporalDevServer({
        port: temporalPort,
        uiPort,
        dbFile: path.join(data, "temporal.db"),
        namespace,
        logFile: path.join(logs, "temporal.log"),
      }),
    );
    supervisor.keep(temporal.respawn, (child) => lowerPriority("Temporal dev server", child.pid), temporal.child);
    temporalAddress = temporal.address;
    uiUrl = temporal.uiUrl;
  }
  if (shuttingDown) return;

  // Signs approved integration bundles (the migration signs the official ones); the worker verifies before running.
  const signingKey = process.env.JUNCTION_SIGNING_KEY || persistedSecret(path.join(data, "signing-key"));
  process.env.JUNCTION_SIGNING_KEY = signingKey;
  await step("Applying database migrations", async () => {
    // Imported here, not at the top: a broken schema module should fail this step, not the whole script.
    const { migrateDatabase } = await import("../db/migrate");
    await migrateDatabase(databaseUrl!).catch((error: Error) => {
      throw expected(`Database migration failed: ${error.message}`);
    });
  });

  const authSecret = process.env.AUTH_SECRET || persistedSecret(path.join(data, "auth-secret"));
  // Encrypts Temporal payloads; generated once like the auth secret, since losing it makes old histories unreadable.
  const payloadKey = process.env.JUNCTION_PAYLOAD_KEY || persistedSecret(path.join(data, "payload-key"));
  // Seals connection credentials. Losing it makes every connection unreadable, hence persisted like the others;
  // set JUNCTION_VAULT_KEYS (e.g. in .env) to rotate: "2:<new>,1:<this key>", then `npm run vault:rotate`.
  const vaultKeys = process.env.JUNCTION_VAULT_KEYS || `1:${persistedSecret(path.join(data, "vault-key"))}`;
  const appUrl = process.env.NEXTAUTH_URL || `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    AUTH_SECRET: authSecret,
    NEXTAUTH_SECRET: authSecret,
    JUNCTION_PAYLOAD_KEY: payloadKey,
    JUNCTION_VAULT_KEYS: vaultKeys,
    JUNCTION_SIGNING_KEY: signingKey,
    NEXTAUTH_URL: appUrl,
    PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL || "info",
    // /api/health reads which supervised process is down and restarting (server/ops/supervised.ts).
    JUNCTION_SUPERVISOR_FILE: pidFile,
  };

  // The same check the web process makes on first use, made before anything is built or spawned.
  const { parseEnv, EnvError } = await import("../server/env");
  try {
    parseEnv(env);
  } catch (error) {
    throw error instanceof EnvError ? expected(error.message) : error;
  }

  const reason = staleReason(root);
  if (reason) {
    const log = path.join(logs, "next-build.log");
    rmSync(log, { force: true });
    await step(`Building the web app (${reason}; next build, a minute or two)`, () =>
      nextBuild(root, env, log, (child) => supervisor.add(child, { task: true })),
    );
  } else {
    console.log("▸ Web app build is up to date (.next)");
  }
  if (shuttingDown) return;

  await step("Starting the worker, the web app and the edge in front of it", async () => {
    // Lowered again after every restart: a new process starts at normal priority.
    supervisor.keep(() => spawnWorker(root, env, { kind: "prefix" }), (worker) => lowerPriority("worker", worker.pid));
    await spawnWebBehindEdge(root, port, env, () => ({ kind: "prefix" }), (spawn) => supervisor.keep(spawn));
  });
  if (shuttingDown) return;
  supervisor.restartCrashed = true;

  printBanner(appUrl, uiUrl, temporalAddress, Boolean(process.env.DATABASE_URL));
}

function printBanner(appUrl: string, uiUrl: string | undefined, temporalAddress: string, externalDb: boolean): void {
  const rows = [
    ["App", appUrl],
    ["Temporal UI", uiUrl ?? `(external Temporal at ${temporalAddress})`],
    ["Postgres", externalDb ? "external (DATABASE_URL)" : `${path.relative(root, pgDir)}/`],
    ["Data", `${path.relative(root, data)}/ (delete it to start from scratch)`],
    ["Logs", `${path.relative(root, logs)}/`],
  ];
  const lines = rows.map(([k, v]) => `  ${k!.padEnd(12)} ${v}`);
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  console.log(`\n${"─".repeat(width)}\n  Junction is running\n\n${lines.join("\n")}\n\n  Press Ctrl-C to stop.\n${"─".repeat(width)}\n`);
}

runMain(main, () => supervisor.stopAll());
