import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { isSecretKey, redactForLog } from "./redact";

const HASH = "scrypt$16384$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

describe("log redaction", () => {
  it("takes SQL parameters out of a query error, its message, its stack and its cause chain", () => {
    const pgError = Object.assign(new Error("new row violates check constraint"), { code: "23514", detail: `Failing row contains (ada@example.com, ${HASH}).` });
    const query = new DrizzleQueryError('insert into "users" ("email", "name", "password_hash") values ($1, $2, $3)', ["ada@example.com", "Ada", HASH], pgError);
    const wrapped = new Error(query.message, { cause: query });
    const out = JSON.stringify(redactForLog({ err: wrapped, path: "auth.signUp" }));
    expect(out).not.toContain(HASH);
    expect(out).toContain("[redacted 3 params]");
    expect(out).toContain('insert into \\"users\\"');
    expect(out).toContain("23514");
    const err = (redactForLog(query) as { message: string; stack: string; params: string });
    expect(err.message).toBe('Failed query: insert into "users" ("email", "name", "password_hash") values ($1, $2, $3)\nparams: [redacted 3 params]');
    expect(err.stack).toMatch(/params: \[redacted 3 params\]\n\s+at /);
    expect(err.params).toBe("[redacted 3 params]");
  });

  it("redacts secret-named keys at any depth and in any spelling, and credentials in URLs", () => {
    const value = { a: { b: [{ passwordHash: HASH, "x-api-key": "k1", client_secret: "s1", sessionToken: "t1" }] }, headers: { authorization: "Bearer t2", Cookie: "c=1" }, url: "postgres://junction:hunter2@db:5432/x" };
    const out = JSON.stringify(redactForLog(value));
    for (const secret of [HASH, "k1", "s1", "t1", "Bearer t2", "c=1", "hunter2"]) expect(out).not.toContain(secret);
    expect(out).toContain("postgres://junction:[redacted]@db:5432/x");
    expect(isSecretKey("stepKey")).toBe(false);
    expect(isSecretKey("secretSetAt")).toBe(false);
  });

  it("takes the values out of Postgres key details", () => {
    const err = Object.assign(new Error("duplicate key value violates unique constraint"), { detail: "Key (session_token)=(tok_abc) already exists." });
    expect(JSON.stringify(redactForLog(err))).not.toContain("tok_abc");
  });

  it("stops on a cycle, a cause chain 100,000 long and a value nested 100,000 deep, without recursion", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    expect(redactForLog(cyclic)).toEqual({ name: "x", self: "[circular]" });
    let chain = new Error("root", { cause: { password: "p" } });
    for (let i = 0; i < 100_000; i++) chain = new Error(`e${i}`, { cause: chain });
    expect(JSON.stringify(redactForLog(chain))).toContain("[truncated]");
    let deep: unknown = { token: "t" };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(JSON.stringify(redactForLog(deep))).toContain("[truncated]");
  });
});
