import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, type Worker } from "@temporalio/worker";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { runs, workflows, workspaces } from "../../db/schema";
import type { automation } from "../../workflows/automation";
import { AUTOMATION_WORKFLOW } from "../../workflows/constants";
import { clientDataConverter } from "../../workflows/data-converter";
import type { Graph } from "../../workflows/graph";
import { createWorker } from "../../workflows/worker";
import { freePort } from "./ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "./postgres";
import { startTemporalDevServer } from "./temporal";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type ScratchOptions = {
  /** Worker options over the production defaults (benchmarks try reuseV8Context, eager activity reservations). */
  tuning?: Partial<Parameters<typeof Worker.create>[0]>;
  /** Temporal dynamic config over scripts/lib/temporal.ts's LATENCY_SETTINGS. */
  dynamicConfig?: Record<string, boolean | number | string>;
  /** The payload key; a random one unless given (replay fixtures are recorded with a fixed, public key). */
  payloadKey?: string;
};

/**
 * A throwaway engine on one machine: embedded Postgres, a Temporal dev server and an in-process worker, all in
 * .data/scratch-<pid> and removed on stop. For benchmarks and for recording replay histories, not for tests
 * (those use npm test's services).
 */
export async function startScratchEngine(options: ScratchOptions = {}) {
  if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger("ERROR") });
  process.env.JUNCTION_PAYLOAD_KEY = options.payloadKey ?? randomBytes(32).toString("base64");
  // The worker's sandbox side needs its keys too, though these runs use built-ins only.
  process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
  process.env.JUNCTION_VAULT_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
  const dir = path.join(root, ".data", `scratch-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const [pgPort, tPort] = [await freePort(), await freePort()];
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, password: "scratch", persistent: false, logFile: path.join(dir, "pg.log") });
  const temporal = await startTemporalDevServer({ port: tPort, headless: true, logFile: path.join(dir, "temporal.log"), dynamicConfig: options.dynamicConfig });
  await createDatabaseIfMissing(pg.adminUrl(), "junction");
  await migrateDatabase(pg.adminUrl("junction"));
  const { pool, db } = createDatabase(pg.adminUrl("junction"), 20);
  const [ws] = await db.insert(workspaces).values({ name: "scratch" }).returning();
  const [wf] = await db.insert(workflows).values({ workspaceId: ws!.id, name: "scratch", draftGraph: {} }).returning();
  // One connection for the worker and the client: eager workflow start needs the client to share it.
  const connection = await NativeConnection.connect({ address: temporal.address });
  const taskQueue = "scratch";
  const worker = await createWorker({ connection, namespace: "default", taskQueue, deps: { db }, tuning: options.tuning });
  const running = worker.run();
  const client = new Client({ connection, dataConverter: clientDataConverter() });
  return {
    client,
    /** Runs the graph once with the given trigger data and resolves with its run id when it has finished. */
    async runOnce(graph: Graph, opts: { trigger?: unknown; eagerStart?: boolean; localActivities?: boolean } = {}): Promise<string> {
      const runId = `run_${crypto.randomUUID()}`;
      const trigger = opts.trigger ?? {};
      await db.insert(runs).values({ id: runId, workspaceId: ws!.id, workflowId: wf!.id, trigger });
      await client.workflow.execute<typeof automation>(AUTOMATION_WORKFLOW, {
        taskQueue,
        workflowId: runId,
        requestEagerStart: opts.eagerStart ?? false,
        args: [{ runId, workspaceId: ws!.id, graph, trigger, ...(opts.localActivities === false ? { localActivities: false } : {}) }],
      });
      return runId;
    },
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await pool.end();
      await temporal.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
