import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./lib/ports";
import { runStart } from "./testing/npm-start";

// Runs the real `npm start` entry point (scripts/start.ts) into each fault and reads what a user would see.
const dataDir = mkdtempSync(path.join(tmpdir(), "junction-start-faults-"));
const servers: net.Server[] = [];

function start(env: Record<string, string>) {
  return runStart({ JUNCTION_DATA_DIR: dataDir, ...env });
}

async function busyPort(): Promise<number> {
  const port = await freePort();
  const server = net.createServer().listen(port, "127.0.0.1");
  servers.push(server);
  await new Promise((r) => server.once("listening", r));
  return port;
}

afterAll(() => servers.forEach((s) => s.close()));

/** One line on stderr, starting with ✗, and no stack frame anywhere. */
function expectOneClearLine(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
}

describe("npm start faults", () => {
  it("names a busy web port and the variable that moves it", async () => {
    const port = await busyPort();
    const r = await start({ PORT: String(port), DATABASE_URL: process.env.DATABASE_URL!, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS! });
    expectOneClearLine(r, new RegExp(`^✗ Port ${port} \\(web app\\) is in use .*set PORT=${port + 1}`));
  });

  it("says an unreachable DATABASE_URL cannot be reached, without its password", async () => {
    const closed = await freePort();
    const r = await start({ PORT: String(await freePort()), DATABASE_URL: `postgres://junction:s3cret-pw@127.0.0.1:${closed}/junction` });
    expectOneClearLine(r, new RegExp(`^✗ Cannot reach Postgres at 127\\.0\\.0\\.1:${closed} \\(DATABASE_URL\\): ECONNREFUSED`));
    expect(r.stdout + r.stderr).not.toContain("s3cret-pw");
  });

  it("says an unreachable TEMPORAL_ADDRESS cannot be reached", async () => {
    const closed = await freePort();
    const r = await start({ PORT: String(await freePort()), DATABASE_URL: process.env.DATABASE_URL!, TEMPORAL_ADDRESS: `127.0.0.1:${closed}` });
    expectOneClearLine(r, new RegExp(`127\\.0\\.0\\.1:${closed}.*TEMPORAL_ADDRESS`));
  });

  it("names a bad variable before building or spawning anything", async () => {
    const r = await start({
      PORT: String(await freePort()),
      DATABASE_URL: process.env.DATABASE_URL!,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
      AUTH_SECRET: "too-short",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("AUTH_SECRET must be at least 32 characters");
    expect(r.stdout).not.toContain("Building the web app");
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  });
});
