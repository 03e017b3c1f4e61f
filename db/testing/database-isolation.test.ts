import pg from "pg";
import { describe, expect, it } from "vitest";
import { getPool } from "../client";

// tests/setup/database.ts gave this file a database of its own, copied from the migrated template.
describe("per-file database", () => {
  it("is a fresh copy of the template, named t_<random>", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    expect(url.pathname).toMatch(/^\/t_[0-9a-f]{16}$/);
    const { rows } = await getPool().query<{ db: string }>("SELECT current_database() AS db");
    expect(rows[0]!.db).toBe(url.pathname.slice(1));
  });

  it("keeps what a test creates away from the template (and so from every other file)", async () => {
    await getPool().query("CREATE TABLE isolation_probe (id int)");
    const template = new URL(process.env.TEST_PG_ADMIN_URL!);
    template.pathname = `/${process.env.TEST_PG_TEMPLATE ?? "junction_template"}`;
    const client = new pg.Client({ connectionString: template.toString() });
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'isolation_probe'");
      expect(rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
