/**
 * Runs before each test file (vitest setupFiles, same module context as the file): creates a private
 * database copied from the migrated template, points DATABASE_URL at it before the file's code first calls
 * getDb() (db/client.ts reads it lazily), and drops it afterwards. Files never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll } from "vitest";
import { closeDb } from "../client";

const adminUrl = process.env.TEST_PG_ADMIN_URL;
const template = process.env.TEST_PG_TEMPLATE ?? "junction_template";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Without TEST_PG_ADMIN_URL (a bare `npx vitest run` of pure unit tests) there is no database; code that
// needs one fails with db/client.ts's own "DATABASE_URL is not set" message.
if (adminUrl) {
  const name = `t_${randomBytes(8).toString("hex")}`;
  // "source database is being accessed by other users" (55006) is transient: another file's CREATE is
  // reading the template at this instant.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await sleep(100 * attempt);
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  afterAll(async () => {
    await closeDb();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
