import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Nice value for the processes that do background work: the worker (runs) and the embedded Temporal dev server.
 * On a small machine they compete for the same cores as the edge, whose job is to acknowledge webhooks quickly;
 * accepted runs are durable and can wait a few milliseconds, a third party waiting for its 2xx cannot. Measured by
 * bench/webhook-ack.ts (SERVER=edge, 2 cores, autocannon's 200 req/s) on 2026-11-30: p95 60 ms at equal priority;
 * with nice 10 on every thread 47-67 ms (mean 60 over four runs), with 19 51-55 ms, with SCHED_IDLE 45-59 ms (mean
 * 51 over five). 19 rather than SCHED_IDLE: as good within the noise, and it never starves Temporal outright, which
 * the UI and the health check also ask.
 */
export const BACKGROUND_NICE = 19;

/**
 * Lowers a background process's CPU priority, every thread of it: on Linux a nice value belongs to one thread, and
 * the worker's Temporal core (Rust) and the Temporal server (Go) do their work on threads that already exist when
 * the process is ready. Threads started later inherit the value. A failure only costs latency, so it is reported.
 */
export function lowerPriority(name: string, pid: number, nice = BACKGROUND_NICE): void {
  try {
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
