/**
 * What checking the session version costs a request (server/auth/sessions.ts userForSession): the user row was
 * already read on every request (server/api/context.ts loadUser); the check reads one more integer column of the
 * same primary-key lookup. Times both reads, alternating, against an embedded PostgreSQL with 10,000 users, and
 * counts the queries each makes. `bash scripts/node.sh bench/session-check.ts` (ITERATIONS=2000 by default).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../db/migrate";
import { freePort } from "../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../scripts/lib/postgres";

const ITERATIONS = Number(process.env.ITERATIONS ?? 2000);
const USERS = 10_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

async function main() {
  // Migrations seed the official integrations, signed with the platform key: a throwaway one here.
  process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
  const dir = path.join(root, ".data", `bench-session-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), password: "bench", persistent: false, logFile: path.join(dir, "pg.log") });
  try {
    await createDatabaseIfMissing(pg.adminUrl(), "junction");
    await migrateDatabase(pg.adminUrl("junction"));
    process.env.DATABASE_URL = pg.adminUrl("junction");
    // Imported only now: they read DATABASE_URL when first used.
    const { getDb, getPool } = await import("../db/client");
    const { users } = await import("../db/schema");
    const { loadUser } = await import("../server/api/context");
    const { userForSession } = await import("../server/auth/sessions");
    const db = getDb();
    const rows = Array.from({ length: USERS }, (_, i) => ({ email: `bench-${i}@example.com`, name: `Bench ${i}`, sessionVersion: 1 + (i % 7) }));
    const ids: { id: string; version: number }[] = [];
    for (let i = 0; i < rows.length; i += 1000) ids.push(...(await db.insert(users).values(rows.slice(i, i + 1000)).returning({ id: users.id, version: users.sessionVersion })));
    await getPool().query("analyze users");

    let queries = 0;
    getPool().on("acquire", () => queries++);
    const countQueries = async (fn: () => Promise<unknown>) => {
      const before = queries;
      await fn();
      return queries - before;
    };
    const sample = ids[0]!;
    const before = await countQueries(() => loadUser(db, sample.id));
    const after = await countQueries(() => userForSession(db, { userId: sample.id, version: sample.version }));

    const without: number[] = [];
    const withCheck: number[] = [];
    for (let i = 0; i < 200; i++) await userForSession(db, { userId: ids[i]!.id, version: ids[i]!.version }); // warm-up
    for (let i = 0; i < ITERATIONS; i++) {
      const { id, version } = ids[(i * 7919) % ids.length]!;
      let t = performance.now();
      await loadUser(db, id);
      without.push(performance.now() - t);
      t = performance.now();
      const signedIn = await userForSession(db, { userId: id, version });
      withCheck.push(performance.now() - t);
      if (!signedIn.user) throw new Error("a current session was refused");
    }
    console.log(`session check, ${ITERATIONS} requests over ${USERS} users (load average ${loadavg()[0]!.toFixed(1)})`);
    console.log(`  user read before (loadUser):                 p50 ${ms(pct(without, 50))}  p95 ${ms(pct(without, 95))}  ${before} query`);
    console.log(`  user read with the version check:            p50 ${ms(pct(withCheck, 50))}  p95 ${ms(pct(withCheck, 95))}  ${after} query`);
    await getPool().end();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
