import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;

type Cached = { pool: pg.Pool; db: Database; url: string };
// One pool per process. Cached on globalThis because Next.js dev reloads modules, and tests swap
// DATABASE_URL per file before first use.
const cache = globalThis as unknown as { __junctionDb?: Cached };

export function createDatabase(url: string, max = 10): { pool: pg.Pool; db: Database } {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server (Postgres restart) emits 'error'; without a listener that kills the process.
  pool.on("error", () => {});
  // So does a checked-out client between queries (inside a transaction awaiting other work, or a LISTEN client):
  // pg-pool drops its listener while a client is lent out, and the 'error' event was an uncaught exception in
  // the worker (seen in the Postgres-restart fault test). The client's next query fails and its caller handles it.
  pool.on("connect", (client) => client.on("error", () => {}));
  return { pool, db: drizzle(pool, { schema }) };
}

export function getDb(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the platform with `npm start`, or set it to a Postgres URL");
  if (!cache.__junctionDb || cache.__junctionDb.url !== url) {
    const { pool, db } = createDatabase(url);
    cache.__junctionDb = { pool, db, url };
  }
  return cache.__junctionDb.db;
}

export function getPool(): pg.Pool {
  getDb();
  return cache.__junctionDb!.pool;
}

export async function closeDb(): Promise<void> {
  const c = cache.__junctionDb;
  cache.__junctionDb = undefined;
  await c?.pool.end();
}
