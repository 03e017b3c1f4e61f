import { chmodSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../server/testing/users";
import { g, publishGraph, waitForRun } from "../workflows/testing/harness";
import { freePort } from "./lib/ports";
import { reapLeftovers } from "./lib/supervisor";
import { launchStart, type NpmStart } from "./testing/npm-start";

/**
 * The real `npm start` (scripts/start.ts) with processes killed under it by SIGKILL. Mostly it runs against the
 * test's own Postgres database and Temporal (DATABASE_URL, TEMPORAL_ADDRESS) on a task queue of this file's own,
 * with the test's keys, so the test can start runs through the services and read them back; the last test gives
 * it its embedded ones. The first start may run `next build` (when .next is stale: scripts/test.ts builds it
 * before vitest), hence the long start-up allowance. One file, so that two starts never build at once.
 */
const taskQueue = `test-start-crash-${crypto.randomUUID()}`;
const STARTUP_MS = 8 * 60_000;
type Check = { ok: boolean; detail?: string };
type Health = { status: string; checks: { postgres: Check; temporal: Check; worker: Check } };

// Each npm start with its data folder: if it died instead of stopping, afterAll reaps what it left running.
const running: { app: NpmStart; dataDir: string }[] = [];

async function startJunction(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "junction-start-crash-"));
  const port = await freePort();
  const pass = (name: string) => ({ [name]: process.env[name]! });
  const app = launchStart({
    JUNCTION_DATA_DIR: dataDir,
    PORT: String(port),
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: "warn",
    ...pass("DATABASE_URL"),
    ...pass("TEMPORAL_ADDRESS"),
    ...pass("AUTH_SECRET"),
    ...pass("JUNCTION_PAYLOAD_KEY"),
    ...pass("JUNCTION_VAULT_KEYS"),
    ...pass("JUNCTION_SIGNING_KEY"),
    ...extra,
  });
  running.push({ app, dataDir });
  await app.waitForOutput(/Junction is running/);
  const pids = () => JSON.parse(readFileSync(path.join(dataDir, "pids.json"), "utf8")) as { children: { name: string; pid: number }[] };
  return {
    app,
    dataDir,
    pidOf: (name: string) => pids().children.find((c) => c.name === name)?.pid,
    health: async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      return { http: res.status, body: (await res.json()) as Health };
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Where npm start's output ends now: the next line looked for must come after it. */
function output(app: NpmStart): number {
  return app.output().length;
}

beforeAll(() => {
  // Runs started by this test (the services) go to npm start's worker.
  process.env.TEMPORAL_TASK_QUEUE = taskQueue;
});

afterAll(async () => {
  for (const { app, dataDir } of running) {
    if (app.process.exitCode === null && app.process.signalCode === null) app.process.kill("SIGINT");
    await app.exited;
    await reapLeftovers(path.join(dataDir, "pids.json"));
  }
}, 120_000);

describe("npm start when one of its processes dies", () => {
  let junction: Awaited<ReturnType<typeof startJunction>>;
  beforeAll(async () => {
    junction = await startJunction();
  }, STARTUP_MS);

  it("a worker killed with -9 is restarted: the web keeps answering, health reports the outage, and a run started before completes", async () => {
    const { app, pidOf, health } = junction;
    const user = await newUser("Crash");
    const nodes = [g.trigger(), { id: "wait", kind: "delay", durationMs: 8_000 }, g.set("done", { ok: true })];
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", "wait", "done") });
    const { runId } = await user.caller.run.start({ workspaceId, workflowId });
    while ((await user.caller.run.get({ workspaceId, runId })).status !== "running") await sleep(100);

    const first = pidOf("worker")!;
    const answers: number[] = [];
    let from = output(app);
    process.kill(first, "SIGKILL");
    await app.waitForOutput(/⚠ worker was killed by SIGKILL; restarting in 0\.5 s \(crash 1 of 5 in the last 60 s\)/, from);
    const second = Number((await app.waitForOutput(/▸ worker restarted \(pid (\d+)\)/, from))[1]);
    expect(second).not.toBe(first);

    // The second crash waits 1 s. npm start is paused during it (SIGSTOP), so the outage lasts as long as the
    // test needs to look at it; the web and the edge are processes of their own and keep answering.
    from = output(app);
    process.kill(second, "SIGKILL");
    await app.waitForOutput(/⚠ worker was killed by SIGKILL; restarting in 1 s \(crash 2 of 5 in the last 60 s\)/, from);
    app.process.kill("SIGSTOP");
    try {
      const down = await health();
      answers.push(down.http);
      expect(down.body.status).toBe("ok"); // Postgres and Temporal are fine: runs wait, none are lost
      expect(down.body.checks.worker).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/^the worker process was killed by SIGKILL at \d\d:\d\d:\d\d UTC; npm start restarts it at \d\d:\d\d:\d\d UTC \(crash 2 of 5 in the last 60 s\)$/),
      });
    } finally {
      app.process.kill("SIGCONT");
    }
    const third = Number((await app.waitForOutput(/▸ worker restarted \(pid (\d+)\)/, from))[1]);
    expect(pidOf("worker")).toBe(third); // tracked, so a later npm start would reap it

    // Back once the new process polls; until then health says it is starting.
    for (;;) {
      const { http, body } = await health();
      answers.push(http);
      if (body.checks.worker.ok) break;
      expect(body.checks.worker.detail).toMatch(new RegExp(`^the worker process \\(pid ${third}\\) is starting|^the worker process was killed by SIGKILL`));
      await sleep(200);
    }
    expect(new Set(answers)).toEqual(new Set([200]));

    const run = await waitForRun(user, runId, 120_000);
    expect(run.status).toBe("succeeded");
    expect(alive(first) || alive(second)).toBe(false);
  }, 300_000);

  it("a web or edge process killed with -9 is restarted on its port and the app answers through the edge again", async () => {
    const { app, pidOf, health } = junction;
    for (const name of ["web", "edge"]) {
      const killed = pidOf(name)!;
      const from = output(app);
      process.kill(killed, "SIGKILL");
      await app.waitForOutput(new RegExp(`⚠ ${name} was killed by SIGKILL; restarting in 0\\.5 s \\(crash 1 of 5 in the last 60 s\\)`), from);
      const restarted = Number((await app.waitForOutput(new RegExp(`▸ ${name} restarted \\(pid (\\d+)\\)`), from))[1]);
      expect(pidOf(name)).toBe(restarted);
      // Refused (edge down) or 502 (web down, the edge says so) until the new process listens.
      for (;;) {
        const answer = await health().catch(() => undefined);
        if (answer?.http === 200) break;
        await sleep(200);
      }
      expect(alive(killed)).toBe(false);
    }
  }, 180_000);

  it("Ctrl-C while a crashed process waits for its restart stops everything cleanly", async () => {
    const { app, dataDir, pidOf } = junction;
    const others = [pidOf("worker")!, pidOf("web")!];
    // The edge crashes until its restart waits 2 s or more (its third crash in a minute), time enough to press
    // Ctrl-C during the wait.
    let edge = pidOf("edge")!;
    for (;;) {
      const from = output(app);
      process.kill(edge, "SIGKILL");
      const [, delay] = await app.waitForOutput(/⚠ edge was killed by SIGKILL; restarting in ([\d.]+) s/, from);
      if (Number(delay) >= 2) break;
      edge = Number((await app.waitForOutput(/▸ edge restarted \(pid (\d+)\)/, from))[1]);
    }
    const from = output(app);
    app.process.kill("SIGINT");
    expect(await app.exited).toBe(0);
    const after = app.output().slice(from);
    expect(after).toContain("Stopped.");
    expect(after).not.toContain("edge restarted");
    expect(others.filter(alive)).toEqual([]);
    expect(existsSync(path.join(dataDir, "pids.json"))).toBe(false);
  }, 120_000);
});

describe("npm start when one of its processes keeps dying", () => {
  it("a worker that crashes 5 times stops npm start with a message saying why and what it printed last", async () => {
    // A window longer than the default 60 s: on 2 busy cores five starts of the worker may take longer.
    const { app, dataDir, pidOf } = await startJunction({ JUNCTION_CRASH_LOOP_WINDOW_S: "600" });
    const others = [pidOf("web")!, pidOf("edge")!];
    let worker = pidOf("worker")!;
    for (let crash = 1; crash < 5; crash++) {
      const from = output(app);
      process.kill(worker, "SIGKILL");
      worker = Number((await app.waitForOutput(/▸ worker restarted \(pid (\d+)\)/, from))[1]);
      // The last one gets to say something first, so the message can show it.
      if (crash === 4) await app.waitForOutput(/worker +│ .*worker ready/, from);
    }
    process.kill(worker, "SIGKILL");
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toMatch(/✗ worker crashed 5 times in 600 s \(the last time it was killed by SIGKILL\); stopping everything\. Its last output:\n.*worker ready/);
    expect(app.stdout()).toContain("Stopped.");
    expect(others.filter(alive)).toEqual([]);
    expect(existsSync(path.join(dataDir, "pids.json"))).toBe(false);
  }, STARTUP_MS + 180_000);
});

describe("npm start when its embedded PostgreSQL or Temporal dies", () => {
  it("each killed with -9 is restarted, health says which is down meanwhile, and a run started before completes", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "junction-start-services-"));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must enter it
    const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const taskQueue = `test-start-services-${crypto.randomUUID()}`;
    const pass = (name: string) => ({ [name]: process.env[name]! });
    const app = launchStart({
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
    running.push({ app, dataDir });
    await app.waitForOutput(/Junction is running/);
    const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
    process.env.DATABASE_URL = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/junction`;
    process.env.TEMPORAL_ADDRESS = `127.0.0.1:${temporalPort}`;
    process.env.TEMPORAL_TASK_QUEUE = taskQueue;
    // Last in this file: from here on the test's services talk to npm start's own PostgreSQL and Temporal.
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
