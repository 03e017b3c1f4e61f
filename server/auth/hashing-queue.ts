import { availableParallelism } from "node:os";
import { DomainError } from "../errors";

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

/** An integer setting in its range, or the fallback when unset; a bad one throws, naming the variable and the range. */
function setting(env: Record<string, string | undefined>, name: string, min: number, max: number, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}".`);
  return value;
}

/**
 * Defaults: half the cores (at most 4: libuv's thread pool, which scrypt runs on, has 4 threads) and four waiting
 * per slot. JUNCTION_PASSWORD_HASH_SLOTS (1–64) and JUNCTION_PASSWORD_HASH_QUEUE (0–10000) override them. Read
 * from the environment alone, so whatever hashes a password (a seeding script, a bench) needs nothing else set.
 */
export function hashingQueueSize(env: Record<string, string | undefined> = process.env): { slots: number; queue: number } {
  const slots = setting(env, "JUNCTION_PASSWORD_HASH_SLOTS", 1, 64, Math.min(4, Math.ceil(availableParallelism() / 2)));
  return { slots, queue: setting(env, "JUNCTION_PASSWORD_HASH_QUEUE", 0, 10_000, 4 * slots) };
}

export function defaultHashingQueue(env: Record<string, string | undefined> = process.env): HashingQueue {
  const { slots, queue } = hashingQueueSize(env);
  return createHashingQueue(slots, queue);
}
