/**
 * `npm run admin -- grant <email> [admin|developer|user]`: sets a platform role. Works whether or not
 * `npm start` is running: it uses DATABASE_URL, else the running embedded PostgreSQL, else starts the embedded
 * one from .data/postgres for the duration of the command.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expected, runMain } from "./lib/fail";
import { isPortFree, portFromEnv } from "./lib/ports";
import { startEmbeddedPostgres } from "./lib/postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = path.join(root, ".data");
const ROLES = ["admin", "developer", "user"] as const;
const USAGE = "Usage: npm run admin -- grant <email> [admin|developer|user]   (role defaults to admin)";

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const passwordFile = path.join(data, "postgres-password");
  if (!existsSync(path.join(data, "postgres", "PG_VERSION")) || !existsSync(passwordFile)) {
    throw expected("There is no Junction database in .data/ yet. Run `npm start` and sign up first, or set DATABASE_URL.");
  }
  const password = readFileSync(passwordFile, "utf8").trim();
  const port = portFromEnv("JUNCTION_PG_PORT", 54329);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/junction`;
  if (!(await isPortFree(port))) return fn(url); // `npm start` is running: use its server
  const pg = await startEmbeddedPostgres({ dataDir: path.join(data, "postgres"), port, password, persistent: true, logFile: path.join(data, "logs", "postgres-admin.log") });
  try {
    return await fn(url);
  } finally {
    await pg.stop();
  }
}

async function main(): Promise<number> {
  const [command, email, role = "admin", ...extra] = process.argv.slice(2);
  if (command !== "grant" || !email || extra.length > 0) throw expected(USAGE);
  if (!ROLES.includes(role as (typeof ROLES)[number])) throw expected(`Unknown role "${role}". ${USAGE}`);
  await withDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    const { getDb, closeDb } = await import("../db/client");
    const { setPlatformRoleByEmail } = await import("../server/admin/platform-roles");
    const { DomainError } = await import("../server/errors");
    try {
      const user = await setPlatformRoleByEmail(getDb(), email, role as (typeof ROLES)[number]);
      console.log(`✓ ${user.name} <${user.email}> is now ${role === "admin" ? "a platform admin" : `a ${role}`}.`);
    } catch (error) {
      throw error instanceof DomainError ? expected(error.message) : error;
    } finally {
      await closeDb();
    }
  });
  return 0;
}

runMain(main);
