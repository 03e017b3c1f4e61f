import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freePort } from "../scripts/lib/ports";
import { createDatabase, getDb } from "./client";
import { isDatabaseUnavailable, sqlStateOf } from "./unavailable";

describe("database unavailable or not", () => {
  it("a Postgres nobody listens for is an outage (503 material)", async () => {
    const { db, pool } = createDatabase(`postgres://x:y@127.0.0.1:${await freePort()}/none`, 1);
    const err = await db.execute(sql`select 1`).catch((e: unknown) => e);
    await pool.end();
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("a value Postgres refuses as data is not an outage: retrying would fail the same way", async () => {
    const err = await getDb().execute(sql`select ${'{"a":"\\u0000"}'}::jsonb`).catch((e: unknown) => e);
    expect(sqlStateOf(err)).toMatch(/^22/);
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
