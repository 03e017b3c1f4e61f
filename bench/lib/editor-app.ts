/**
 * The app as `npm start` serves it, for the editor benchmarks: embedded Postgres and a Temporal dev server in
 * .data/bench-editor-<pid>, `next build` when the build is stale, then `next start` behind the edge (the same
 * processes and environment as scripts/lib/app-processes.ts). Users and workflows are seeded through the
 * server's own functions (sign-up, create, saveDraft through the tRPC caller), and a session cookie is minted
 * the way next-auth signs its JWT sessions, so a browser or fetch can act as the user.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { migrateDatabase } from "../../db/migrate";
import { spawnWebBehindEdge } from "../../scripts/lib/app-processes";
import { nextBuild, staleReason } from "../../scripts/lib/next-build";
import { freePort } from "../../scripts/lib/ports";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "../../scripts/lib/postgres";
import type { Child } from "../../scripts/lib/processes";
import { startTemporalDevServer } from "../../scripts/lib/temporal";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Debian's chromium with the flags playwright.config.ts uses; never a downloaded browser. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export type EditorApp = Awaited<ReturnType<typeof startEditorApp>>;

export async function startEditorApp(name: string, say: (line: string) => void) {
  const dir = path.join(root, ".data", `bench-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const children: Child[] = [];
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const c of children.reverse()) await c.stop().catch(() => {});
    for (const s of stops.reverse()) await s().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Migrations seed the official integrations, signed with the platform key.
    process.env.JUNCTION_SIGNING_KEY ??= randomBytes(32).toString("base64");
    const [pgPort, tPort, port] = [await freePort(), await freePort(), await freePort()];
    const [pg, temporal] = await Promise.all([
      startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, password: "bench", persistent: false, durable: true, logFile: path.join(dir, "pg.log") }),
      startTemporalDevServer({ port: tPort, headless: true, logFile: path.join(dir, "temporal.log") }),
    ]);
    stops.push(() => pg.stop(), () => temporal.stop());
    await createDatabaseIfMissing(pg.adminUrl(), "junction");
    await migrateDatabase(pg.adminUrl("junction"));
    const authSecret = randomBytes(32).toString("base64url");
    const baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: pg.adminUrl("junction"),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: "default",
      AUTH_SECRET: authSecret,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: baseUrl,
      JUNCTION_PAYLOAD_KEY: randomBytes(32).toString("base64"),
      JUNCTION_VAULT_KEYS: `1:${randomBytes(32).toString("base64")}`,
      LOG_LEVEL: "warn",
    };
    // The seeding below runs the server's code in this process, against the same database (its environment is checked whole: Temporal's address too).
    Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, TEMPORAL_ADDRESS: temporal.address, AUTH_SECRET: authSecret, JUNCTION_PAYLOAD_KEY: env.JUNCTION_PAYLOAD_KEY, JUNCTION_VAULT_KEYS: env.JUNCTION_VAULT_KEYS, LOG_LEVEL: "warn" });
    const stale = staleReason(root);
    if (stale) {
      say(`next build (${stale}); log: .data/logs/bench-next-build.log`);
      mkdirSync(path.join(root, ".data", "logs"), { recursive: true });
      await nextBuild(root, env, path.join(root, ".data", "logs", "bench-next-build.log"), (c) => children.push(c));
      children.pop();
    }
    await spawnWebBehindEdge(root, port, env, (n) => ({ kind: "log", file: path.join(dir, `${n}.log`) }), (spawn) => {
      const c = spawn();
      children.push(c);
      return c;
    });
    const { getPool } = await import("../../db/client");
    stops.push(() => getPool().end());

    const served = children.filter((c) => c.name === "web" || c.name === "edge");
    boostPriority();
    return {
      baseUrl,
      stop,
      /** CPU time (ms) used so far by the web and edge processes and their children: what a request costs the server, which a loaded machine does not inflate the way it does wall time. */
      serverCpuMs: () => groupCpuMs(new Set(served.map((c) => c.pid))),
      /** A signed-up user (real scrypt hash, personal workspace), a tRPC caller acting as them, and their session cookie. */
      async user(userName: string) {
        const { newUser } = await import("../../server/testing/users");
        const u = await newUser(userName);
        const token = await encode({ token: { sub: u.id, uid: u.id, sv: u.sessionVersion, name: u.name, email: u.email }, secret: authSecret });
        return { ...u, cookie: { name: "next-auth.session-token", value: token } };
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * BENCH_NICE=-10 (as root): this process and everything it started — Postgres, Temporal, the web and edge
 * processes, chromium and its renderers — at that nice value, every thread, so other work on a shared machine
 * weighs less on the figures (an approximation of an idle machine; the figures say when it was used). Called
 * again after a browser context opens, for the renderer processes started since.
 */
export function boostPriority(): string {
  const nice = process.env.BENCH_NICE;
  if (!nice) return "";
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (ours.has(pid) || !ours.has(ppid)) continue;
      ours.add(pid);
      grew = true;
    }
  }
  for (const pid of ours) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) setPriority(Number(tid), Number(nice));
    } catch {
      // exited meanwhile, or not permitted: the figure is then taken at normal priority
    }
  }
  return `, bench processes at nice ${nice}`;
}

/** Sums user + system CPU of every process whose process group is one of `groups` (spawnChild starts each in its own). */
function groupCpuMs(groups: ReadonlySet<number>): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (groups.has(Number(f[2]))) total += (Number(f[11]) + Number(f[12])) * tick;
  }
  return total;
}

export type BenchUser = Awaited<ReturnType<EditorApp["user"]>>;

/** A workflow whose draft is `graph`, saved through the real saveDraft (validation, problems, storage). */
export async function seedWorkflow(user: BenchUser, name: string, graph: unknown) {
  const wf = await user.caller.workflow.create({ workspaceId: user.personalWorkspaceId, name });
  const saved = await user.caller.workflow.saveDraft({ workspaceId: user.personalWorkspaceId, workflowId: wf.id, draftRevision: 1, graph, history: null });
  return { id: wf.id, problems: saved.problems.length, url: `/w/${user.personalWorkspaceId}/workflows/${wf.id}` };
}

/**
 * A browser context signed in as `user`, at 1280×800. tsx (esbuild keepNames) wraps functions in the bench's
 * page.evaluate callbacks in __name(); the page gets a no-op one so they run there.
 */
export async function signedInContext(browser: Browser, app: EditorApp, user: BenchUser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ ...user.cookie, url: app.baseUrl }]);
  await context.addInitScript("globalThis.__name = (f) => f;");
  boostPriority();
  return context;
}

export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const ms = (x: number) => `${Math.round(x)} ms`;
