import { HookHttpError } from "./http-error";

/**
 * Token buckets in this web process's memory: `ratePerSecond` sustained, `burst` at once. With several web
 * processes each enforces the limit on what it receives (documented in docs/webhooks.md). Two sets use them: one
 * bucket per hook for the deliveries it accepts, and one per (hook, source address) for failed verifications
 * (failed-verifications.ts), so junk cannot spend the tokens of the real sender.
 */
type Bucket = { tokens: number; at: number };
const MAX_BUCKETS = 50_000;

const waitOf = (b: Bucket, ratePerSecond: number) => (b.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / ratePerSecond)));

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** Refills the key's bucket to `nowMs`: the bucket, created full when new (the oldest is dropped past the cap). */
  private refill(key: string, ratePerSecond: number, burst: number, nowMs: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
      b = { tokens: burst, at: nowMs };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, nowMs - b.at) / 1000) * ratePerSecond);
    b.at = nowMs;
    return b;
  }

  /**
   * Seconds until a token is there (0: one is there now), without taking it. A key never taken from is full
   * and gets no bucket: checking costs no memory, so many well-behaved sources cannot crowd out counted ones.
   */
  wait(key: string, ratePerSecond: number, burst: number, nowMs: number): number {
    if (!this.buckets.has(key)) return 0;
    return waitOf(this.refill(key, ratePerSecond, burst, nowMs), ratePerSecond);
  }

  /** Takes a token; 0 when there was one, otherwise the seconds until there is (nothing taken). */
  take(key: string, ratePerSecond: number, burst: number, nowMs: number): number {
    const b = this.refill(key, ratePerSecond, burst, nowMs);
    const wait = waitOf(b, ratePerSecond);
    if (wait === 0) b.tokens -= 1;
    return wait;
  }

  clear(): void {
    this.buckets.clear();
  }
}

const g = globalThis as unknown as { __junctionHookRateBuckets?: TokenBuckets };
const hookBuckets = (g.__junctionHookRateBuckets ??= new TokenBuckets());

/**
 * One token of a hook's bucket, keyed by its endpoint (so its old and new URL share one during a rotation's
 * grace period); 429 with Retry-After when there is none.
 */
export function takeToken(endpointId: string, ratePerSecond: number, burst: number, nowMs = Date.now()): void {
  const retryAfter = hookBuckets.take(endpointId, ratePerSecond, burst, nowMs);
  if (retryAfter === 0) return;
  throw new HookHttpError(429, `This hook accepts ${ratePerSecond} deliveries per second (burst ${burst}); retry after ${retryAfter} s`, { "retry-after": String(retryAfter) });
}

export function resetRateLimits(): void {
  hookBuckets.clear();
}
