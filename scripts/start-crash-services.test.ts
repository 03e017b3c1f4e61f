import { chmodSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { newUser } from "../server/testing/users";
import { g, publishGraph, waitForRun } from "../workflows/testing/harness";
import { freePort } from "./lib/ports";
import { launchStart, type NpmStart } from "./testing/npm-start";

/**
 * The real `npm start` with its own embedded PostgreSQL and Temporal dev server (no DATABASE_URL or
 * TEMPORAL_ADDRESS), each killed with SIGKILL under it. The test then talks to those: its DATABASE_URL and
 * TEMPORAL_ADDRESS are pointed at them once npm start runs. Uses the .next that scripts/test.ts builds first (or
 * builds it, when stale).
 */
const STARTUP_MS = 8 * 60_000;
type Check = { ok: boolean; detail?: string };
type Health = { status: string; checks: { postgres: Check; temporal: Check; worker: Check } };
let app: NpmStart | undefined;

afterAll(async () => {
  if (app && app.process.exitCode === null && app.process.signalCode === null) app.process.kill("SIGINT");
  await app?.exited;
}, 120_000);

describe("npm start when its embedded PostgreSQL or Temporal dies", () => {
  it("each killed with -9 is restarted, health says which is down meanwhile, and a run started before completes", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "junction-start-services-"));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must enter it
    const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const taskQueue = `test-start-services-${crypto.randomUUID()}`;
    const pass = (name: string) => ({ [name]: process.env[name]! });
    app = launchStart({
      JUNCTION_DATA_DIR: dataDir,
      PORT: String(port),
      JUNCTION_PG_PORT: String(pgPort),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      TEMPORAL_TASK_QUEUE: taskQueue,
      LOG_LEVEL: "warn",
      ...pass("AUTH_SECRET"),
      ...pass("JUNCTION_PAYLOAD_KEY"),
      ...pass("JUNCTION_VAULT_KEYS"),
      ...pass("JUNCTION_SIGNING_KEY"),
    });
    await app.waitForOutput(/Junction is running/);
    const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
    process.env.DATABASE_URL = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/junction`;
    process.env.TEMPORAL_ADDRESS = `127.0.0.1:${temporalPort}`;
    process.env.TEMPORAL_TASK_QUEUE = taskQueue;
    const pidOf = (name: string) =>
      (JSON.parse(readFileSync(path.join(dataDir, "pids.json"), "utf8")) as { children: { name: string; pid: number }[] }).children.find((c) => c.name === name)?.pid;
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      return { http: res.status, body: (await res.json()) as Health };
    };

    const user = await newUser("Services");
    const nodes = [g.trigger(), { id: "wait", kind: "delay", durationMs: 5_000 }, g.set("done", { ok: true })];
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", "wait", "done") });
    const { runId } = await user.caller.run.start({ workspaceId, workflowId });
    while ((await user.caller.run.get({ workspaceId, runId })).status !== "running") await sleep(100);

    for (const [name, check] of [["temporal", "temporal"], ["postgres", "postgres"]] as const) {
      const killed = pidOf(name)!;
      const from = app.output().length;
      process.kill(killed, "SIGKILL");
      await app.waitForOutput(new RegExp(`⚠ ${name} was killed by SIGKILL; restarting in 0\\.5 s \\(crash 1 of 5 in the last 60 s\\)`), from);
      // Paused (SIGSTOP) during the wait, npm start cannot restart it yet: the outage lasts while the test looks.
      app.process.kill("SIGSTOP");
      try {
        const down = await health();
        expect(down.http).toBe(503);
        expect(down.body.status).toBe("down");
        expect(down.body.checks[check].ok).toBe(false);
      } finally {
        app.process.kill("SIGCONT");
      }
      await app.waitForOutput(new RegExp(`▸ ${name} restarted \\(pid \\d+\\)`), from);
      for (;;) {
        const answer = await health().catch(() => undefined);
        if (answer?.http === 200 && answer.body.checks.worker.ok) break;
        await sleep(250);
      }
      expect(pidOf(name)).not.toBe(killed); // the new process, tracked
    }

    const run = await waitForRun(user, runId, 120_000);
    expect(run.status).toBe("succeeded");
    expect(app.output()).not.toMatch(/✗/);
  }, STARTUP_MS + 240_000);
});
