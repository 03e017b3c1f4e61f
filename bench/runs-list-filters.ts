/**
 * The runs lists at scale, through the API: RUNS runs (default 100,000) in one workspace (plus 20% as many in
 * another, so the workspace condition matters), over 6 workflows with 3 published versions each, 90 days of
 * history, realistic mixes of status (mostly succeeded), trigger kind and test runs. For each filter the
 * workspace's and a workflow's runs page offers, prints p50/p95 of `run.list` (tRPC caller: zod, the role check,
 * the query) for the first page of 50 and for a page 5,000 runs deep (keyset cursor). Goal: p95 ≤ 50 ms each.
 *   bash scripts/node.sh bench/runs-list-filters.ts   (RUNS=… CALLS=… to change it)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { memberships, runs, users, workflows, workflowVersions, workspaces } from "../db/schema";
import { freePort } from "../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../scripts/lib/postgres";
import { percentile } from "./lib/sandbox-fixtures";

const RUNS = Number(process.env.RUNS ?? 100_000);
const CALLS = Number(process.env.CALLS ?? 60);
const DEEP = 5_000;
const DAY = 86_400_000;

process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
const dir = path.resolve(".data", `bench-runs-filters-${process.pid}`);
mkdirSync(dir, { recursive: true, mode: 0o755 });
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "bench", persistent: false, logFile: path.join(dir, "pg.log") });

/** Picks from weighted choices with a cheap deterministic generator, so every run of the bench seeds the same data. */
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
function pick<T>(choices: [T, number][]): T {
  let r = rand() * choices.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of choices) if ((r -= w) < 0) return v;
  return choices[0]![0];
}

try {
  await createDatabaseIfMissing(pg.adminUrl(), "junction");
  await migrateDatabase(pg.adminUrl("junction"));
  process.env.DATABASE_URL = pg.adminUrl("junction");
  const { pool, db } = createDatabase(pg.adminUrl("junction"), 4);
  const [user] = await db.insert(users).values({ email: "bench@example.com", name: "Bench" }).returning();
  const seedWorkspace = async (name: string, count: number) => {
    const [ws] = await db.insert(workspaces).values({ name }).returning();
    await db.insert(memberships).values({ workspaceId: ws!.id, userId: user!.id, role: "owner" });
    const wfs = await db.insert(workflows).values(Array.from({ length: 6 }, (_, i) => ({ workspaceId: ws!.id, name: `wf ${i}`, draftGraph: {} }))).returning();
    const versions = await db.insert(workflowVersions).values(wfs.flatMap((wf) => [1, 2, 3].map((number) => ({ workflowId: wf.id, number, graph: {} })))).returning();
    const now = Date.now();
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, () => {
        const wf = wfs[Math.floor(rand() * wfs.length)]!;
        const test = rand() < 0.1;
        const version = test ? null : pick(versions.filter((v) => v.workflowId === wf.id).map((v) => [v, v.number === 3 ? 6 : 2] as [typeof v, number]));
        return {
          id: `run_${crypto.randomUUID()}`,
          workspaceId: ws!.id,
          workflowId: wf.id,
          workflowVersionId: version?.id ?? null,
          status: pick<"succeeded" | "failed" | "succeeded_with_errors" | "cancelled" | "running" | "queued">([["succeeded", 85], ["failed", 8], ["succeeded_with_errors", 3], ["cancelled", 2], ["running", 1], ["queued", 1]]),
          trigger: { kind: test ? "manual" : pick([["webhook", 60], ["schedule", 25], ["polling", 10], ["app_webhook", 5]]), body: {} },
          createdAt: new Date(now - rand() * 90 * DAY),
        };
      });
      await db.insert(runs).values(batch);
    }
    return { ws: ws!, wfs, versions };
  };
  const main = await seedWorkspace("bench", RUNS);
  await seedWorkspace("other", Math.round(RUNS / 5));
  await db.execute(sql`analyze`);

  const { contextForUser } = await import("../server/api/context");
  const { createCaller } = await import("../server/api/root");
  const caller = createCaller(await contextForUser(user!.id));
  const wf = main.wfs[0]!;
  const v3 = main.versions.find((v) => v.workflowId === wf.id && v.number === 3)!;
  const since = (days: number) => new Date(Date.now() - days * DAY);
  const filters: [string, Record<string, unknown>][] = [
    ["workspace, no filter", {}],
    ["workspace, status failed", { status: ["failed"] }],
    ["workspace, status succeeded with errors", { status: ["succeeded_with_errors"] }],
    ["workspace, failed or with errors", { status: ["failed", "succeeded_with_errors"] }],
    ["workspace, trigger polling", { triggerKind: "polling" }],
    ["workspace, test runs", { kind: "test" }],
    ["workspace, published", { kind: "published" }],
    ["workspace, last 24 hours", { from: since(1) }],
    ["workspace, a week 30 days ago", { from: since(37), to: since(30) }],
    ["workflow, no filter", { workflowId: wf.id }],
    ["workflow, version 3", { workflowId: wf.id, versionId: v3.id }],
    ["workflow, failed, published, last 7 days", { workflowId: wf.id, status: ["failed"], kind: "published", from: since(7) }],
  ];
  const time = async (input: Record<string, unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < CALLS + 5; i++) {
      const t = performance.now();
      await caller.run.list({ workspaceId: main.ws.id, limit: 50, ...input });
      if (i >= 5) ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b);
  };
  console.log(`runs lists through run.list, ${RUNS.toLocaleString("en")} runs in the workspace (+${Math.round(RUNS / 5).toLocaleString("en")} in another), ${CALLS} calls each, load ${os.loadavg()[0]!.toFixed(1)}`);
  let worst = 0;
  for (const [name, input] of filters) {
    const first = await time(input);
    // The cursor of a page DEEP runs down the same list (or its last run, when the filter matches fewer).
    let cursor: string | undefined;
    let seen = 0;
    while (seen < DEEP) {
      const page = await caller.run.list({ workspaceId: main.ws.id, limit: 200, ...input, cursor });
      if (page.length === 0) break;
      seen += page.length;
      cursor = page.at(-1)!.id;
      if (page.length < 200) break;
    }
    const deep = await time({ ...input, cursor });
    worst = Math.max(worst, percentile(first, 95), percentile(deep, 95));
    console.log(
      `  ${name.padEnd(44)} first page p50 ${percentile(first, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(first, 95).toFixed(1).padStart(6)} ms   page ${String(seen).padStart(5)} deep p50 ${percentile(deep, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(deep, 95).toFixed(1).padStart(6)} ms`,
    );
  }
  console.log(`worst p95: ${worst.toFixed(1)} ms (goal ≤ 50 ms)`);
  await pool.end();
  await (await import("../db/client")).closeDb();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
