/**
 * Polling fan-out: one poll of the loopback Acme finds N new orders (default 1,000); measures how long until a
 * run is recorded and started for every one (batches of 100, deterministic ids), and until every run finished.
 * Real parts: embedded PostgreSQL, Temporal dev server, the worker with its sandbox running the Acme bundle.
 *   NODE_ENV=test bash scripts/node.sh bench/polling-fanout.ts   (ITEMS=… to change the count)
 * NODE_ENV=test because Acme listens on loopback, which the sandbox's fetch guard allows only in tests.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime } from "@temporalio/worker";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { buildPackage } from "@junction/cli";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { connections, installations, pollingTriggerItems, pollingTriggers, runs, workflows, workflowVersions, workspaces } from "../db/schema";
import { createSandboxHost } from "../integrations/runtime";
import { freePort } from "../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { startTemporalDevServer } from "../scripts/lib/temporal";
import { sealConnection } from "../server/connections/row-seal";
import { storeVersion } from "../server/integrations/versions";
import { syncPolling } from "../server/triggers/polling/sync";
import { startAcme } from "../server/triggers/testing/acme-server";
import { pollingWorkflowIdOf } from "../workflows/constants";
import { clientDataConverter } from "../workflows/data-converter";
import type { Graph } from "../workflows/graph";
import { createWorker } from "../workflows/worker";

const ITEMS = Number(process.env.ITEMS ?? 1_000);
if (process.env.NODE_ENV !== "test") throw new Error("Run with NODE_ENV=test: the third party is a loopback server (see the comment above).");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
Runtime.install({ logger: new DefaultLogger("ERROR") });
process.env.JUNCTION_PAYLOAD_KEY = randomBytes(32).toString("base64");
process.env.JUNCTION_SIGNING_KEY = randomBytes(32).toString("base64");
process.env.JUNCTION_VAULT_KEYS = `1:${randomBytes(32).toString("base64")}`;
const dir = path.join(root, ".data", `bench-${process.pid}`);
mkdirSync(dir, { recursive: true, mode: 0o755 });
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "bench", persistent: false, logFile: path.join(dir, "pg.log") });
const temporal = await startTemporalDevServer({ port: await freePort(), headless: true, logFile: path.join(dir, "temporal.log") });
process.env.TEMPORAL_ADDRESS = temporal.address;
process.env.TEMPORAL_TASK_QUEUE = "bench";
await createDatabaseIfMissing(pg.adminUrl(), "junction");
await migrateDatabase(pg.adminUrl("junction"));
const { pool, db } = createDatabase(pg.adminUrl("junction"), 20);
const acme = await startAcme("bench-key");
const sandbox = createSandboxHost({ processes: 1, allowLoopbackForTests: true });
const connection = await NativeConnection.connect({ address: temporal.address });
const worker = await createWorker({ connection, namespace: "default", taskQueue: "bench", deps: { db, sandbox } });
const running = worker.run();

const wait = async (probe: () => Promise<boolean>) => {
  while (!(await probe())) await new Promise((r) => setTimeout(r, 50));
};

try {
  const built = await buildPackage(path.join(root, "server/triggers/testing/acme"), { outDir: mkdtempSync(path.join(tmpdir(), "junction-acme-")) });
  const stored = await storeVersion(db, { slug: "acme", name: "Acme", official: false, manifest: built.manifest, bundle: built.bundle, status: "approved" });
  const [ws] = await db.insert(workspaces).values({ name: "bench" }).returning();
  await db.insert(installations).values({ workspaceId: ws!.id, integrationId: stored.integrationId, versionId: stored.versionId });
  const connectionId = randomUUID();
  await db.insert(connections).values({ id: connectionId, workspaceId: ws!.id, integrationSlug: "acme", name: "Acme", kind: "api_key", ...sealConnection(ws!.id, connectionId, { apiKey: "bench-key" }), fieldNames: ["apiKey"] });
  const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "polling", app: { integration: "acme", version: "1.0.0", key: "new_order", connectionId, config: { baseUrl: acme.url } } }], edges: [] } as unknown as Graph;
  const [wf] = await db.insert(workflows).values({ workspaceId: ws!.id, name: "bench", draftGraph: graph, active: true }).returning();
  const [version] = await db.insert(workflowVersions).values({ workflowId: wf!.id, number: 1, graph }).returning();
  await syncPolling({ db }, { workspaceId: ws!.id, workflowId: wf!.id, active: true, version: { id: version!.id, number: 1, graph } });
  await wait(async () => (await db.query.pollingTriggers.findFirst({ where: eq(pollingTriggers.workflowId, wf!.id) }))?.seeded === true);

  for (let i = 0; i < ITEMS; i++) acme.addOrder(i, `c${i}`);
  const client = new Client({ connection, dataConverter: clientDataConverter() });
  const t0 = performance.now();
  await client.workflow.getHandle(pollingWorkflowIdOf(wf!.id)).signal("pollNow");
  await wait(async () => (await db.select({ n: count() }).from(runs).where(eq(runs.workflowId, wf!.id)))[0]!.n >= ITEMS);
  const recorded = performance.now() - t0;
  const startedCount = async () => (await db.select({ n: count() }).from(pollingTriggerItems).where(isNotNull(pollingTriggerItems.startedAt)))[0]!.n;
  await wait(async () => (await startedCount()) >= ITEMS);
  const started = performance.now() - t0;
  await wait(async () => (await db.select({ n: count() }).from(runs).where(and(eq(runs.workflowId, wf!.id), eq(runs.status, "succeeded"))))[0]!.n >= ITEMS);
  const finished = performance.now() - t0;
  console.log(`polling fan-out, ${ITEMS} new items in one poll: every run recorded in ${(recorded / 1000).toFixed(1)} s, started in ${(started / 1000).toFixed(1)} s (${((ITEMS / started) * 1000).toFixed(0)} runs/s), every run finished in ${(finished / 1000).toFixed(1)} s`);
} finally {
  worker.shutdown();
  await running;
  await connection.close();
  await sandbox.close();
  await acme.close();
  await pool.end();
  await temporal.stop();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
