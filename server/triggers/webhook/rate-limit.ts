import { HookHttpError } from "./http-error";

/**
 * A token bucket per hook, in this web process's memory: `ratePerSecond` sustained, `burst` at once. With several
 * web processes each enforces the limit on what it receives (documented in docs/webhooks.md).
 */
type Bucket = { tokens: number; at: number };
const MAX_HOOKS = 50_000;
const g = globalThis as unknown as { __junctionHookBuckets?: Map<string, Bucket> };
const buckets = (g.__junctionHookBuckets ??= new Map());

export function takeToken(hookId: string, ratePerSecond: number, burst: number, nowMs = Date.now()): void {
  let b = buckets.get(hookId);
  if (!b) {
    if (buckets.size >= MAX_HOOKS) buckets.delete(buckets.keys().next().value!);
    b = { tokens: burst, at: nowMs };
    buckets.set(hookId, b);
  }
  b.tokens = Math.min(burst, b.tokens + ((nowMs - b.at) / 1000) * ratePerSecond);
  b.at = nowMs;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return;
  }
  const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / ratePerSecond));
  throw new HookHttpError(429, `This hook accepts ${ratePerSecond} deliveries per second (burst ${burst}); retry after ${retryAfter} s`, { "retry-after": String(retryAfter) });
}

export function resetRateLimits(): void {
  buckets.clear();
}
