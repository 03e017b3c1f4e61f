import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const good = { DATABASE_URL: "postgres://u:p@localhost:5432/db", TEMPORAL_ADDRESS: "127.0.0.1:7233", AUTH_SECRET: "x".repeat(32), JUNCTION_PAYLOAD_KEY: Buffer.alloc(32, 7).toString("base64") };

function problem(env: Record<string, string | undefined>): string {
  try {
    parseEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as Error).message;
  }
  throw new Error("expected the environment to be refused");
}

describe("env", () => {
  it("accepts a complete environment and fills defaults", () => {
    expect(parseEnv(good)).toMatchObject({ TEMPORAL_NAMESPACE: "default", TEMPORAL_TASK_QUEUE: "junction", LOG_LEVEL: "info" });
  });

  it("accepts NEXTAUTH_SECRET in place of AUTH_SECRET", () => {
    expect(parseEnv({ ...good, AUTH_SECRET: undefined, NEXTAUTH_SECRET: "y".repeat(40) }).AUTH_SECRET).toBe("y".repeat(40));
  });

  it("names a missing variable", () => {
    expect(problem({ ...good, DATABASE_URL: undefined })).toContain("DATABASE_URL is missing");
  });

  it("names a bad variable and says what it must look like", () => {
    expect(problem({ ...good, TEMPORAL_ADDRESS: "localhost" })).toContain("TEMPORAL_ADDRESS must be host:port");
    expect(problem({ ...good, DATABASE_URL: "mysql://x" })).toContain("DATABASE_URL must be a postgres:// URL");
    expect(problem({ ...good, AUTH_SECRET: "short" })).toContain("AUTH_SECRET must be at least 32 characters");
  });

  it("wants a 32-byte payload key", () => {
    expect(problem({ ...good, JUNCTION_PAYLOAD_KEY: undefined })).toContain("JUNCTION_PAYLOAD_KEY is missing");
    expect(problem({ ...good, JUNCTION_PAYLOAD_KEY: "c2hvcnQ=" })).toContain("JUNCTION_PAYLOAD_KEY must be 32 bytes");
  });

  it("wants both GitHub variables or neither", () => {
    expect(problem({ ...good, GITHUB_ID: "abc" })).toContain("set both GITHUB_ID and GITHUB_SECRET");
  });

  it("keeps metrics closed unless METRICS_PUBLIC is 1, and wants a METRICS_TOKEN worth guessing", () => {
    expect(parseEnv(good).METRICS_PUBLIC).toBe(false);
    expect(parseEnv(good).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ ...good, METRICS_PUBLIC: "1", METRICS_TOKEN: "t".repeat(32) })).toMatchObject({ METRICS_PUBLIC: true, METRICS_TOKEN: "t".repeat(32) });
    expect(parseEnv({ ...good, METRICS_PUBLIC: "0" }).METRICS_PUBLIC).toBe(false);
    expect(problem({ ...good, METRICS_PUBLIC: "yes" })).toContain('METRICS_PUBLIC must be "1" (metrics open to anyone) or "0"');
    expect(problem({ ...good, METRICS_TOKEN: "short" })).toContain("METRICS_TOKEN must be at least 16 characters");
  });
});
