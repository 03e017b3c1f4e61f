import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function capture() {
  const lines: string[] = [];
  const logger = createLogger(new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString("utf8")), done()) }));
  logger.level = "info"; // tests run with LOG_LEVEL=silent
  return { logger, out: () => lines.join("") };
}

describe("the logger", () => {
  it("an error logged on its own (its message becomes the line's) holds no SQL parameters", () => {
    const { logger, out } = capture();
    logger.error(new DrizzleQueryError("update sessions set token = $1", ["tok_live_secret"], new Error("connection reset")));
    const line = JSON.parse(out()) as { msg: string; err: { type: string; params: string } };
    expect(out()).not.toContain("tok_live_secret");
    expect(line.msg).toBe("Failed query: update sessions set token = $1\nparams: [redacted 1 params]");
    expect(line.err.params).toBe("[redacted 1 params]");
  });

  it("a secret in a child's bindings, a nested object or the message text is not written", () => {
    const { logger, out } = capture();
    logger.child({ apiKey: "ak_123456" }).info({ a: { b: { c: [{ refresh_token: "rt_123456" }] } } }, "connecting to postgres://junction:pw_123456@db/junction");
    for (const secret of ["ak_123456", "rt_123456", "pw_123456"]) expect(out()).not.toContain(secret);
    expect(out()).toContain("postgres://junction:[redacted]@db/junction");
  });
});
