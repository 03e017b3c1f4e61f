import { SandboxCancelledError, SandboxLimitError } from "./errors";

type Waiter = { grant: () => void; reject: (error: Error) => void };
type Lane = { active: number; queue: Waiter[] };

/**
 * Parallel executions per integration: up to `maxActive` run, up to `maxQueued` more wait in FIFO order, and
 * one beyond that is rejected at once with SandboxLimitError("concurrency") — a bounded queue, so a flood of
 * runs for one integration neither starves the others nor grows memory without end.
 */
export function createGate(maxActive: number, maxQueued: number) {
  const lanes = new Map<string, Lane>();

  function release(key: string, lane: Lane): void {
    const next = lane.queue.shift();
    if (next) return next.grant();
    lane.active--;
    if (lane.active === 0) lanes.delete(key);
  }

  /** Resolves with a release function once a slot is free. */
  function acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { active: 0, queue: [] }));
    const owned = lane;
    let released = false;
    const releaser = () => {
      if (released) return;
      released = true;
      release(key, owned);
    };
    if (owned.active < maxActive) {
      owned.active++;
      return Promise.resolve(releaser);
    }
    if (owned.queue.length >= maxQueued) {
      return Promise.reject(new SandboxLimitError("concurrency", `Integration ${key} already has ${maxActive} executions running and ${maxQueued} waiting (limit concurrency).`));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(releaser);
        },
        reject,
      };
      const onAbort = () => {
        const index = owned.queue.indexOf(waiter);
        if (index >= 0) owned.queue.splice(index, 1);
        reject(new SandboxCancelledError("The execution was cancelled while waiting for a slot."));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      owned.queue.push(waiter);
    });
  }

  return { acquire, stats: (key: string) => ({ active: lanes.get(key)?.active ?? 0, queued: lanes.get(key)?.queue.length ?? 0 }) };
}
