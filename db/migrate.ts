import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createDatabase } from "./client";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Applies every committed drizzle-kit migration in db/migrations that the database has not seen yet, then
 * builds and stores the official integrations (idempotent; signed with JUNCTION_SIGNING_KEY).
 */
export async function migrateDatabase(url: string): Promise<void> {
  const { pool, db } = createDatabase(url, 1);
  try {
    await migrate(db, { migrationsFolder });
    // Imported here: the seed needs esbuild and the SDK, which plain schema work does not.
    const { seedOfficialIntegrations } = await import("../server/integrations/seed-official");
    await seedOfficialIntegrations(db);
  } finally {
    await pool.end();
  }
}
