/**
 * The runs list (server/runs/queries.ts listRuns, first page of 50) over a workflow whose runs have heavy steps:
 * RUNS runs (default 2000), each with STEPS steps (default 5) storing 64 KiB of log lines (the step cap) and a
 * 100 KB output. Prints p50/p95 of the list query over 200 calls after a warm-up, and the table sizes, so a change
 * that makes the list read step rows or big jsonb columns shows up here.
 *   bash scripts/node.sh bench/runs-list.ts   (RUNS=… STEPS=… to change the seed)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { memberships, runs, runSteps, users, workflows, workspaces } from "../db/schema";
import { freePort } from "../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { listRuns } from "../server/runs/queries";
import { percentile } from "./lib/engine";

const RUNS = Number(process.env.RUNS ?? 2000);
const STEPS = Number(process.env.STEPS ?? 5);
const CALLS = 200;

// Migrating seeds the official integrations, which are signed.
process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
const dir = path.resolve(".data", `bench-runs-list-${process.pid}`);
mkdirSync(dir, { recursive: true, mode: 0o755 });
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "bench", persistent: false, logFile: path.join(dir, "pg.log") });
try {
  await createDatabaseIfMissing(pg.adminUrl(), "junction");
  await migrateDatabase(pg.adminUrl("junction"));
  const { pool, db } = createDatabase(pg.adminUrl("junction"), 4);
  const [user] = await db.insert(users).values({ email: "bench@example.com", name: "Bench" }).returning();
  const [ws] = await db.insert(workspaces).values({ name: "bench" }).returning();
  await db.insert(memberships).values({ workspaceId: ws!.id, userId: user!.id, role: "owner" });
  const [wf] = await db.insert(workflows).values({ workspaceId: ws!.id, name: "heavy", draftGraph: {} }).returning();

  // 64 lines of ~1 KB: what a step that hits JUNCTION_STEP_LOG_BYTES stores.
  const logs = Array.from({ length: 64 }, (_, i) => ({ level: "info", message: `line ${i} ${"x".repeat(960)}`, at: new Date().toISOString() }));
  const output = { rows: Array.from({ length: 1000 }, (_, i) => ({ i, text: "y".repeat(90) })) };
  for (let start = 0; start < RUNS; start += 100) {
    const batch = Array.from({ length: Math.min(100, RUNS - start) }, () => `run_${crypto.randomUUID()}`);
    await db.insert(runs).values(batch.map((id) => ({ id, workspaceId: ws!.id, workflowId: wf!.id, status: "failed" as const, trigger: { kind: "manual", body: {} }, error: { message: "Step s1 failed", nodeId: "s1" }, logBytes: 64 * 1024 * STEPS })));
    await db.insert(runSteps).values(batch.flatMap((runId) => Array.from({ length: STEPS }, (_, s) => ({ runId, nodeId: `s${s}`, stepKey: `s${s}`, status: "succeeded" as const, input: {}, output, logs }))));
  }
  await db.execute(sql`analyze`);
  const size = await db.execute(sql`select pg_size_pretty(pg_total_relation_size('run_steps')) as steps, pg_size_pretty(pg_total_relation_size('runs')) as runs`);

  const page = () => listRuns(db, user!.id, ws!.id, { workflowId: wf!.id, limit: 50 });
  for (let i = 0; i < 20; i++) await page();
  const ms: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await page();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const { steps, runs: runsSize } = size.rows[0] as { steps: string; runs: string };
  console.log(`runs list, first page of 50 of ${RUNS} runs × ${STEPS} heavy steps (run_steps ${steps}, runs ${runsSize}), ${CALLS} calls: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms`);
  await pool.end();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
