import { availableParallelism } from "node:os";
import { DomainError } from "../errors";
import { env } from "../env";

/** The queue was full: the caller answers 429 with Retry-After rather than making everyone wait. */
export class HashingBusyError extends DomainError {
  override name = "HashingBusyError";
  constructor(readonly retryAfterS: number) {
    super("TOO_MANY_REQUESTS", `Junction is checking many passwords right now. Try again in ${retryAfterS} seconds.`);
  }
}

export type HashingQueue = { run<T>(hash: () => Promise<T>): Promise<T>; readonly slots: number; readonly queue: number };

/**
 * Admits password hashing (scrypt: 128 MiB and a few hundred ms of one core each) `slots` at a time, with at
 * most `queue` more waiting; beyond that it refuses at once. A flood of sign-ins then costs a bounded share of
 * the cores and memory, and everyone else's pages stay fast (bench/sign-in-flood.ts).
 */
export function createHashingQueue(slots: number, queue: number): HashingQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  let averageMs = 300; // a first guess for Retry-After, replaced by what hashes take here

  const retryAfterS = () => Math.max(1, Math.ceil((averageMs * (running + waiting.length)) / slots / 1000));

  async function run<T>(hash: () => Promise<T>): Promise<T> {
    if (running < slots) running++;
    else if (waiting.length < queue) await new Promise<void>((resolve) => waiting.push(resolve));
    else throw new HashingBusyError(retryAfterS());
    const started = performance.now();
    try {
      return await hash();
    } finally {
      averageMs = 0.8 * averageMs + 0.2 * (performance.now() - started);
      // Hand the slot straight to the next in line, so a newcomer cannot overtake the queue.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }
  return { run, slots, queue };
}

/**
 * Defaults: half the cores (at most 4, libuv's thread pool, which scrypt runs on) and four waiting per slot.
 * JUNCTION_PASSWORD_HASH_SLOTS / JUNCTION_PASSWORD_HASH_QUEUE override them.
 */
export function defaultHashingQueue(): HashingQueue {
  const { JUNCTION_PASSWORD_HASH_SLOTS, JUNCTION_PASSWORD_HASH_QUEUE } = env();
  const slots = JUNCTION_PASSWORD_HASH_SLOTS ?? Math.min(4, Math.ceil(availableParallelism() / 2));
  return createHashingQueue(slots, JUNCTION_PASSWORD_HASH_QUEUE ?? 4 * slots);
}
