import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Client, Connection } from "@temporalio/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { runs, runSteps, workflows, workspaces } from "../../db/schema";
import { freePort } from "../../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/postgres";
import type { automation } from "../automation";
import { AUTOMATION_WORKFLOW } from "../constants";
import { clientDataConverter } from "../data-converter";
import { validateGraph } from "../graph";
import { g, startTestWorker } from "../testing/harness";
import { startSink } from "../testing/sink";

// A PostgreSQL of this test's own, so it can be stopped and started under a running workflow.
const dataDir = path.resolve(import.meta.dirname, `../../.data/pg-restart-${process.pid}`);
const password = "restart-test";
let pg: EmbeddedPostgres;
let port: number;

const start = () => startEmbeddedPostgres({ dataDir, port, password, persistent: true, logFile: `${dataDir}.log` });

let db: ReturnType<typeof createDatabase>["db"];
let pool: ReturnType<typeof createDatabase>["pool"];
let sink: Awaited<ReturnType<typeof startSink>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let connection: Connection;

// Everything but the restart is set up here, on its own budget: bundling the worker's workflow code alone can
// take most of a minute on a loaded machine, and it is not what the test is about.
beforeAll(async () => {
  port = await freePort();
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  pg = await start();
  await createDatabaseIfMissing(pg.adminUrl(), "junction");
  await migrateDatabase(pg.adminUrl("junction"));
  ({ pool, db } = createDatabase(pg.adminUrl("junction")));
  sink = await startSink(1_500);
  worker = await startTestWorker({ deps: { db } });
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
}, 240_000);
afterAll(async () => {
  await worker?.stop();
  await connection?.close();
  await sink?.close();
  await pool?.end();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.log`, { force: true });
});

describe("Postgres restarting mid-run", () => {
  it("delays step recording until it is back; the run completes", async () => {
    const [ws] = await db.insert(workspaces).values({ name: "Restart" }).returning();
    const [wf] = await db.insert(workflows).values({ workspaceId: ws!.id, name: "r", draftGraph: {} }).returning();
    const runId = `run_${crypto.randomUUID()}`;
    await db.insert(runs).values({ id: runId, workspaceId: ws!.id, workflowId: wf!.id });
    // Validated as on publish, so the pinned graph carries every default the interpreter relies on.
    const graph = validateGraph({ schemaVersion: 1, nodes: [g.trigger(), g.http("call", { url: sink.url }), g.set("after", { ok: true }), g.set("last", {})], edges: g.chain("start", "call", "after", "last") });
    const client = new Client({ connection, dataConverter: clientDataConverter() });
    const handle = await client.workflow.start<typeof automation>(AUTOMATION_WORKFLOW, { taskQueue: worker.taskQueue, workflowId: runId, args: [{ runId, workspaceId: ws!.id, graph, trigger: {} }] });
    while (sink.totalCalls() === 0) await new Promise((r) => setTimeout(r, 50));
    await pg.stop(); // while the call is in flight: recording its end must wait for the restart
    await new Promise((r) => setTimeout(r, 2_000));
    pg = await start();
    expect(await handle.result()).toEqual({ status: "succeeded" });
    const [row] = await db.select().from(runs).where(eq(runs.id, runId));
    expect(row!.status).toBe("succeeded");
    const steps = await db.select().from(runSteps).where(eq(runSteps.runId, runId));
    expect(steps.map((s) => [s.stepKey, s.status, s.attempt]).sort()).toEqual([["after", "succeeded", 1], ["call", "succeeded", 1], ["last", "succeeded", 1]]);
    expect(sink.totalCalls()).toBe(1);
  }, 120_000);
});
