import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../../db/client";
import { freePort } from "../../../../scripts/lib/ports";
import { startTestWorker } from "../../../../workflows/testing/harness";
import { newUser } from "../../../testing/users";
import { activeHook, githubSignature } from "../testing";

// The web process (the webhook handler on a bare HTTP server, serve.ts) is killed with -9 in the middle of a
// burst of signed deliveries with unique ids, then restarted; the sender retries whatever got no 2xx.
const root = path.resolve(import.meta.dirname, "../../../..");
const DELIVERIES = 2_000;
const LANES = 32;
const KILL_AFTER = 600;
const SECRET = "web-kill-secret";
const children: ChildProcess[] = [];
let worker: Awaited<ReturnType<typeof startTestWorker>>;

function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "server/triggers/webhook/serve.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve(child));
    child.once("exit", (code, signal) => reject(new Error(`hook server exited (${code ?? signal}) before listening`)));
  });
}

beforeAll(async () => {
  worker = await startTestWorker();
}, 120_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await worker?.stop();
});

describe("the web process killed with -9 during a burst", () => {
  it("loses no acknowledged delivery and duplicates none", async () => {
    const user = await newUser("Burst");
    const hook = await activeHook(user, { verification: { preset: "github" }, limits: { ratePerSecond: 100_000, burst: 100_000 } }, { secret: SECRET, nodes: [], edges: [] });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/hooks/${hook.hookId}`;
    let server = await startServer(port);

    const acked = new Map<string, string>(); // delivery id → run id from its 2xx
    const pending = Array.from({ length: DELIVERIES }, (_, i) => `delivery-${i}`);
    let unanswered = 0;
    let duplicates = 0;
    let killed = false;
    let restarting: Promise<void> | undefined;

    async function deliver(id: string): Promise<void> {
      const body = Buffer.from(JSON.stringify({ id, at: Date.now() }));
      try {
        const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-github-delivery": id, "x-hub-signature-256": githubSignature(SECRET, body) } });
        const json = (await res.json()) as { runId?: string; duplicate?: boolean };
        if (res.status >= 200 && res.status < 300) {
          const before = acked.get(id);
          if (before && before !== json.runId) throw new Error(`delivery ${id} got two run ids: ${before} and ${json.runId}`);
          acked.set(id, json.runId!);
          if (json.duplicate) duplicates += 1;
          return;
        }
      } catch (err) {
        if ((err as Error).message.startsWith("delivery ")) throw err;
        unanswered += 1; // connection refused or reset: the sender keeps it and retries
      }
      pending.push(id);
      await new Promise((r) => setTimeout(r, 100));
    }

    async function lane(): Promise<void> {
      while (acked.size < DELIVERIES) {
        const id = pending.shift();
        if (!id) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        if (acked.has(id)) continue;
        await deliver(id);
        if (!killed && acked.size >= KILL_AFTER) {
          killed = true;
          server.kill("SIGKILL");
          restarting = startServer(port).then((s) => void (server = s));
        }
      }
    }
    await Promise.all(Array.from({ length: LANES }, lane));
    await restarting;
    expect(killed).toBe(true);
    expect(unanswered).toBeGreaterThan(0); // the kill really cut requests off

    // Every acknowledged delivery becomes exactly one run (the worker records each run as it starts it).
    const db = getDb();
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const [row] = (await db.execute(sql`select count(*)::int as n from runs where workflow_id = ${hook.workflowId}`)).rows as { n: number }[];
      if (row!.n >= DELIVERIES) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const rows = (await db.execute(sql`select id, trigger->>'deliveryId' as delivery from runs where workflow_id = ${hook.workflowId}`)).rows as { id: string; delivery: string }[];
    const byDelivery = new Map<string, string[]>();
    for (const r of rows) byDelivery.set(r.delivery, [...(byDelivery.get(r.delivery) ?? []), r.id]);
    // The counts, for whoever reads the test output (warn: the lint allows only warn/error on the console).
    console.warn(`web-kill: ${acked.size} acknowledged, ${unanswered} unanswered attempts retried, ${duplicates} retries answered as duplicates, ${rows.length} runs`);
    expect(acked.size).toBe(DELIVERIES);
    expect(rows).toHaveLength(DELIVERIES);
    expect([...byDelivery.values()].filter((ids) => ids.length !== 1)).toEqual([]);
    for (const [delivery, runId] of acked) expect(byDelivery.get(delivery)).toEqual([runId]);
  }, 420_000);
});
