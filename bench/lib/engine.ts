import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime } from "@temporalio/worker";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { runs, workflows, workspaces } from "../../db/schema";
import { freePort } from "../../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../../scripts/lib/postgres";
import { startTemporalDevServer } from "../../scripts/lib/temporal";
import type { automation } from "../../workflows/automation";
import { AUTOMATION_WORKFLOW } from "../../workflows/constants";
import { clientDataConverter } from "../../workflows/data-converter";
import type { Graph } from "../../workflows/graph";
import { createWorker } from "../../workflows/worker";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A linear graph of n trivial core.set steps. */
export function linearGraph(n: number): Graph {
  const ids = Array.from({ length: n }, (_, i) => `s${i + 1}`);
  const nodes = [{ id: "start", kind: "trigger" }, ...ids.map((id) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { v: id }, settings: { onError: "fail" } }))];
  const edges = ["start", ...ids].slice(1).map((id, i) => ({ id: `e${i}`, source: ["start", ...ids][i]!, target: id }));
  return { schemaVersion: 1, nodes, edges } as unknown as Graph;
}

/** Embedded Postgres + Temporal dev server + an in-process worker, as in production but on one machine. */
export async function startEngine(tuning: Parameters<typeof createWorker>[0]["tuning"] = {}) {
  Runtime.install({ logger: new DefaultLogger("ERROR") });
  process.env.JUNCTION_PAYLOAD_KEY = randomBytes(32).toString("base64");
  process.env.JUNCTION_SIGNING_KEY = randomBytes(32).toString("base64");
  process.env.JUNCTION_VAULT_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
  const dir = path.join(root, ".data", `bench-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const [pgPort, tPort] = [await freePort(), await freePort()];
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, password: "bench", persistent: false, logFile: path.join(dir, "pg.log") });
  const temporal = await startTemporalDevServer({ port: tPort, headless: true, logFile: path.join(dir, "temporal.log") });
  await createDatabaseIfMissing(pg.adminUrl(), "junction");
  await migrateDatabase(pg.adminUrl("junction"));
  const { pool, db } = createDatabase(pg.adminUrl("junction"), 20);
  const [ws] = await db.insert(workspaces).values({ name: "bench" }).returning();
  const [wf] = await db.insert(workflows).values({ workspaceId: ws!.id, name: "bench", draftGraph: {} }).returning();
  const connection = await NativeConnection.connect({ address: temporal.address });
  const taskQueue = "bench";
  const worker = await createWorker({ connection, namespace: "default", taskQueue, deps: { db }, tuning });
  const running = worker.run();
  const client = new Client({ connection, dataConverter: clientDataConverter() });
  return {
    /** Starts one run of the graph and resolves when it has finished. */
    async runOnce(graph: Graph) {
      const runId = `run_${crypto.randomUUID()}`;
      await db.insert(runs).values({ id: runId, workspaceId: ws!.id, workflowId: wf!.id });
      await client.workflow.execute<typeof automation>(AUTOMATION_WORKFLOW, { taskQueue, workflowId: runId, args: [{ runId, workspaceId: ws!.id, graph, trigger: {} }] });
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

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
