import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from "@temporalio/worker";
import type pg from "pg";
import { getDb, type Database } from "../db/client";
import { redactForLog, redactLogText } from "../db/redact";
import { createSandboxHost, type SandboxHost, type SandboxHostOptions } from "../integrations/runtime";
import { startOutboxRelay } from "../server/triggers/webhook/outbox-relay";
import { createActivities, type ActivityDeps } from "./activities";
import { logCaps } from "./activities/step-logs";
import { temporalConfig } from "./config";
import { workflowBundlerOptions } from "./bundle-options";
import { workerDataConverter } from "./data-converter";

const here = path.dirname(fileURLToPath(import.meta.url));

export type WorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /**
   * Defaults to the process's database (DATABASE_URL). Without `deps.sandbox` the worker makes its own sandbox
   * host and closes it when run() ends; a host passed in belongs to the caller.
   */
  deps?: ActivityDeps;
  /** A prebuilt workflow bundle (tests, benchmarks: bundling takes seconds); else workflows/index.ts is bundled. */
  workflowBundle?: { code: string };
  /** For the sandbox host the worker makes when `deps.sandbox` is not given (tests: allowLoopbackForTests). */
  sandboxOptions?: SandboxHostOptions;
  /** Extra tuning (benchmarks try reuseV8Context, eager activities); the defaults are the production settings. */
  tuning?: Partial<Parameters<typeof Worker.create>[0]>;
  /**
   * Whether this worker also runs the webhook outbox relay (starts accepted deliveries' runs on its task queue,
   * server/triggers/webhook/outbox-relay.ts). On by default: every deployment has workers, and one is enough.
   */
  outboxRelay?: boolean;
};

/** A worker for every Junction workflow type, on one task queue, with encrypted payloads. */
export async function createWorker({ connection, namespace, taskQueue, deps, sandboxOptions, workflowBundle, tuning, outboxRelay = true }: WorkerOptions): Promise<Worker> {
  // Read again by every step; a bad setting stops the worker here, naming it, instead of failing every step.
  logCaps();
  const owned: SandboxHost | undefined = deps?.sandbox ? undefined : createSandboxHost({ ...sandboxOptions, onProcessExit: logSandboxProcessExit });
  const activityDeps: ActivityDeps = { db: getDbOr(deps), ...deps, sandbox: deps?.sandbox ?? owned };
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      ...(workflowBundle ? { workflowBundle } : { workflowsPath: path.join(here, "index.ts"), bundlerOptions: workflowBundlerOptions }),
      activities: createActivities(activityDeps),
      dataConverter: workerDataConverter(),
      ...tuning,
    });
  } catch (error) {
    await owned?.close();
    throw error;
  }
  // The sandbox host (if this worker made it) and the outbox relay live as long as run(): the host's processes stop
  // after running steps are drained, the relay after its current round.
  const run = worker.run.bind(worker);
  worker.run = () => {
    const db = activityDeps.db as Database & { $client: pg.Pool };
    const relay = outboxRelay ? startOutboxRelay({ db, pool: db.$client, taskQueue }) : null;
    return run().finally(async () => {
      await relay?.stop();
      await owned?.close();
    });
  };
  return worker;
}

const getDbOr = (deps: ActivityDeps | undefined) => deps?.db ?? getDb();

/** One log line, through the same redaction as the web's logger (db/redact.ts): Temporal's meta can hold errors. */
function jsonLine(level: string, msg: string, extra: Record<string, unknown> = {}) {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), service: "worker", msg: redactLogText(msg), ...(redactForLog(extra) as Record<string, unknown>) })}\n`);
}

/**
 * The worker's line when a sandbox process dies under it (killed from outside, out of memory): the steps it ran
 * fail with SandboxCrashError and are retried; the pool starts a new process for the next one.
 */
export const logSandboxProcessExit: NonNullable<SandboxHostOptions["onProcessExit"]> = ({ pid, how, running }) =>
  jsonLine("warn", `sandbox process ${pid ?? "?"} ${how} with ${running} step(s) running; they fail retryably and a new sandbox process takes the next step`, { pid, running });

async function main() {
  const cfg = temporalConfig();
  const level = (process.env.TEMPORAL_LOG_LEVEL ?? "WARN") as LogLevel;
  Runtime.install({ logger: new DefaultLogger(level, (e) => jsonLine(e.level.toLowerCase(), e.message, e.meta ?? {})) });
  const connection = await NativeConnection.connect({ address: cfg.address });
  // npm test's browser tests point integrations at loopback servers; createSandboxHost refuses this outside NODE_ENV=test.
  const sandboxOptions = process.env.JUNCTION_SANDBOX_LOOPBACK_FOR_TESTS === "1" ? { allowLoopbackForTests: true } : undefined;
  const worker = await createWorker({ connection, namespace: cfg.namespace, taskQueue: cfg.taskQueue, sandboxOptions });
  // Runtime's default shutdown signals (SIGINT, SIGTERM, ...) make worker.run() resolve after draining.
  jsonLine("info", "worker ready", { address: cfg.address, namespace: cfg.namespace, taskQueue: cfg.taskQueue });
  await worker.run();
  await connection.close();
  jsonLine("info", "worker stopped");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    jsonLine("fatal", `worker failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
