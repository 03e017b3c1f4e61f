import { sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { temporalConfig } from "../../workflows/config";
import { temporal } from "../../workflows/client";
import { describeDown, supervisedProcess } from "./supervised";

export type Check = { ok: boolean; latencyMs: number; detail?: string };
export type Health = { status: "ok" | "down"; checks: { postgres: Check; temporal: Check; worker: Check } };

async function timed(fn: () => Promise<string | undefined>, timeoutMs = 3000): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (err) {
    // Messages only: connection strings and stack traces stay in the server.
    const message = err instanceof Error ? err.message.replace(/\/\/[^@\s]*@/g, "//") : String(err);
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: message };
  } finally {
    clearTimeout(timer);
  }
}

/** Postgres answers a query; Temporal answers; at least one worker polls our task queue. */
export async function checkHealth(): Promise<Health> {
  const [postgres, temporalCheck, worker] = await Promise.all([
    timed(async () => {
      await getDb().execute(sql`select 1`);
      return undefined;
    }),
    timed(async () => {
      const { connection } = await temporal();
      const info = await connection.workflowService.getSystemInfo({});
      return `server ${info.serverVersion || "dev"}`;
    }),
    timed(async () => {
      // Under npm start the supervisor knows first: Temporal lists a dead worker's poller for minutes after.
      const supervised = await supervisedProcess("worker");
      if (supervised && "down" in supervised) throw new Error(describeDown(supervised.down));
      const { connection } = await temporal();
      const { namespace, taskQueue } = temporalConfig();
      const res = await connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 });
      const pollers = res.pollers ?? [];
      if (pollers.length === 0) throw new Error(`no worker is polling task queue "${taskQueue}"`);
      // A restarted worker is back once it polls itself (Temporal's default identity is "<pid>@<host>").
      if (supervised && !pollers.some((p) => p.identity?.startsWith(`${supervised.pid}@`))) {
        throw new Error(`the worker process (pid ${supervised.pid}) is starting and does not poll task queue "${taskQueue}" yet`);
      }
      return `${pollers.length} poller(s) on "${taskQueue}"`;
    }),
  ]);
  // A missing worker delays runs but does not lose them (Temporal queues the tasks), so it alone is not "down".
  return { status: postgres.ok && temporalCheck.ok ? "ok" : "down", checks: { postgres, temporal: temporalCheck, worker } };
}
