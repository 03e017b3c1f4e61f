import { Writable } from "node:stream";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "../../db/client";
import { contextForUser } from "../api/context";
import { appRouter } from "../api/root";
import { createLogger } from "../log";

/**
 * A sign-up that fails in the database logs its error (the tRPC base middleware logs every unexpected failure).
 * Drizzle's error carries the statement's parameters, and a sign-up's insert holds the password hash: the log line
 * must not. The failure is a real one: Postgres refuses writes after a failover to a read-only standby.
 */
const lines: string[] = [];
const captured = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString("utf8"));
    done();
  },
});
// The production logger's configuration, writing here instead of to stdout (at info: tests run with logs silent).
const logger = createLogger(captured);
logger.level = "info";

async function asAdmin(statement: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: "-c default_transaction_read_only=off" });
  await client.connect();
  await client.query(statement);
  await client.end();
}
const dbName = () => new URL(process.env.DATABASE_URL!).pathname.slice(1);

afterAll(async () => {
  await asAdmin(`alter database "${dbName()}" reset default_transaction_read_only`);
  await closeDb();
});

describe("secrets in logs", () => {
  it("a failed sign-up's log line holds no password hash", async () => {
    await asAdmin(`alter database "${dbName()}" set default_transaction_read_only = on`);
    await closeDb(); // new connections see the database as read-only, as after a failover to a standby
    const password = "a perfectly good passphrase";
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/auth.signUp", { method: "POST", body: JSON.stringify({ json: { name: "Ada", email: "ada-readonly@example.com", password } }), headers: { "content-type": "application/json" } }),
      router: appRouter,
      createContext: async () => ({ ...(await contextForUser(null, "req-signup-log")), log: logger.child({ requestId: "req-signup-log" }) }),
    });
    expect(res.status).toBe(500);
    logger.flush();
    const out = lines.join("");
    // The failure was logged, with what an operator needs: the statement and Postgres's reason.
    expect(out).toContain("procedure failed");
    expect(out).toContain("read-only transaction");
    expect(out).toContain('insert into \\"users\\"');
    // And nothing secret: no password, no scrypt hash (scrypt$N$r$p$salt$key), no vault key, no database password.
    expect(out).not.toContain(password);
    expect(out).not.toMatch(/scrypt\$\d+\$\d+\$\d+\$/);
    for (const key of (process.env.JUNCTION_VAULT_KEYS ?? "").split(/[,:=]/).filter((k) => k.length >= 16)) expect(out).not.toContain(key);
    const dbPassword = new URL(process.env.DATABASE_URL!).password;
    if (dbPassword) expect(out).not.toContain(dbPassword);
  });
});
