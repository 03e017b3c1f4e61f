import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * n8n 1.123.x as the comparison point, installed from npm into a cache outside the repo (never committed):
 * ~/.cache/junction/n8n (N8N_DIR overrides). Its xlsx dependency points at a CDN tarball; an npm override pins
 * the registry's xlsx 0.18.5 instead. It gets Postgres (pool size 10) and one workflow, Webhook → Set, whose
 * webhook answers on receipt, the closest match to Junction's async acknowledgement.
 */
export const N8N_VERSION = "1.123.81";
const DIR = process.env.N8N_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), ".cache"), "junction", "n8n");
const BIN = path.join(DIR, "node_modules", "n8n", "bin", "n8n");

export function ensureN8nInstalled(log: (line: string) => void): void {
  if (existsSync(BIN)) return;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path.join(DIR, "package.json"), JSON.stringify({ name: "junction-bench-n8n", private: true, dependencies: { n8n: N8N_VERSION }, overrides: { xlsx: "0.18.5" } }, null, 2));
  log(`installing n8n ${N8N_VERSION} into ${DIR} (several minutes, about 1.8 GB)...`);
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: DIR, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0 || !existsSync(BIN)) throw new Error(`npm install of n8n failed in ${DIR}`);
}

const WEBHOOK_PATH = "bench";

/** Webhook (POST /webhook/bench, answers on receipt) → Set. */
const workflow = {
  id: "JunctionBench01",
  name: "Junction bench: Webhook → Set",
  active: false,
  nodes: [
    {
      parameters: { httpMethod: "POST", path: WEBHOOK_PATH, responseMode: "onReceived", options: {} },
      id: "3f1d9a7e-0001-4c55-9a2e-7e0b0f4a1c01",
      name: "Webhook",
      type: "n8n-nodes-base.webhook",
      typeVersion: 2,
      position: [0, 0],
      webhookId: "9a3c2f10-bench-4f7e-8a11-0b5e6c7d8e9f",
    },
    {
      parameters: { assignments: { assignments: [{ id: "a1", name: "delivery", value: "={{ $json.headers['x-github-delivery'] }}", type: "string" }] }, options: {} },
      id: "3f1d9a7e-0002-4c55-9a2e-7e0b0f4a1c02",
      name: "Set",
      type: "n8n-nodes-base.set",
      typeVersion: 3.4,
      position: [220, 0],
    },
  ],
  connections: { Webhook: { main: [[{ node: "Set", type: "main", index: 0 }]] } },
  settings: { executionOrder: "v1" },
};

export type N8nOptions = { pg: { host: string; port: number; user: string; password: string; database: string }; port: number; home: string; logFile: string };

function env(o: N8nOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    N8N_USER_FOLDER: o.home,
    N8N_PORT: String(o.port),
    N8N_LISTEN_ADDRESS: "127.0.0.1",
    N8N_ENCRYPTION_KEY: "junction-bench-n8n-encryption-key",
    DB_TYPE: "postgresdb",
    DB_POSTGRESDB_HOST: o.pg.host,
    DB_POSTGRESDB_PORT: String(o.pg.port),
    DB_POSTGRESDB_USER: o.pg.user,
    DB_POSTGRESDB_PASSWORD: o.pg.password,
    DB_POSTGRESDB_DATABASE: o.pg.database,
    DB_POSTGRESDB_POOL_SIZE: "10",
    EXECUTIONS_MODE: "regular",
    N8N_LOG_LEVEL: "warn",
    N8N_DIAGNOSTICS_ENABLED: "false",
    N8N_VERSION_NOTIFICATIONS_ENABLED: "false",
    N8N_PERSONALIZATION_ENABLED: "false",
    N8N_HIRING_BANNER_ENABLED: "false",
    N8N_SECURE_COOKIE: "false",
    N8N_RUNNERS_ENABLED: "false",
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: "false",
    // Keep the comparison about ingest: n8n's default saves every execution; so does Junction (run rows).
    EXECUTIONS_DATA_SAVE_ON_SUCCESS: "all",
  };
}

function cli(o: N8nOptions, args: string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: env(o), cwd: o.home, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`n8n ${args.join(" ")} failed:\n${(r.stderr || r.stdout).slice(-2000)}`);
}

/** Imports and activates the workflow, starts `n8n start`, and resolves once its webhook answers. */
export async function startN8n(o: N8nOptions): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(o.home, { recursive: true });
  const file = path.join(o.home, "bench-workflow.json");
  writeFileSync(file, JSON.stringify(workflow));
  cli(o, ["import:workflow", `--input=${file}`]);
  cli(o, ["update:workflow", `--id=${workflow.id}`, "--active=true"]);
  const out = createWriteStream(o.logFile);
  const child: ChildProcess = spawn(process.execPath, [BIN, "start"], { env: env(o), cwd: o.home, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const url = `http://127.0.0.1:${o.port}/webhook/${WEBHOOK_PATH}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} while starting (log: ${o.logFile})`);
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`n8n's webhook did not answer within 300 s (log: ${o.logFile})`);
    await sleep(1000);
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child.once("exit", r)), sleep(15_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
