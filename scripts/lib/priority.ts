import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Nice value for the processes that do background work: the worker (runs) and the embedded Temporal dev server.
 * On a small machine they compete for the same cores as the edge, whose job is to acknowledge webhooks quickly;
 * accepted runs are durable and can wait a few milliseconds, a third party waiting for its 2xx cannot. Measured by
 * bench/webhook-ack.ts (SERVER=edge, 2 cores, 200 req/s): p95 60 ms at equal priority, 48 ms with this.
 */
export const BACKGROUND_NICE = 10;

/**
 * Lowers a background process's CPU priority, every thread of it: on Linux a nice value belongs to one thread, and
 * the worker's Temporal core (Rust) and the Temporal server (Go) do their work on threads that already exist when
 * the process is ready. Threads started later inherit the value. A failure only costs latency, so it is reported.
 */
export function lowerPriority(name: string, pid: number, nice = BACKGROUND_NICE): void {
  try {
    if (process.env.JUNCTION_BG_POLICY === "idle") {
      execFileSync("chrt", ["-a", "-i", "-p", "0", String(pid)], { stdio: "ignore" });
      return;
    }
    for (const tid of threadsOf(pid)) setPriority(tid, nice);
  } catch (error) {
    console.warn(`▸ could not lower the ${name}'s CPU priority (${(error as Error).message}); webhook acks may be slower under load`);
  }
}

function threadsOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [pid];
  }
}
