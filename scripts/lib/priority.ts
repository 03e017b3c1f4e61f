import { setPriority } from "node:os";

/**
 * Nice value for the processes that do background work: the worker (runs) and the embedded Temporal dev server.
 * On a small machine they compete for the same cores as the edge, whose job is to acknowledge webhooks quickly;
 * accepted runs are durable and can wait a few milliseconds, a third party waiting for its 2xx cannot. Measured by
 * bench/webhook-ack.ts (SERVER=edge, 2 cores, 200 req/s): p95 60 ms at equal priority, 48 ms with this.
 */
export const BACKGROUND_NICE = 10;

/** Lowers a background process's CPU priority; a failure only costs latency, so it is reported, not fatal. */
export function lowerPriority(name: string, pid: number, nice = BACKGROUND_NICE): void {
  try {
    setPriority(pid, nice);
  } catch (error) {
    console.warn(`▸ could not lower the ${name}'s CPU priority (${(error as Error).message}); webhook acks may be slower under load`);
  }
}
