import { HookHttpError } from "./http-error";
import { TokenBuckets } from "./rate-limit";

/**
 * Failed signature checks, counted per (hook, source) in their own buckets, apart from the hook's delivery
 * bucket: junk sent to a hook must not use up the tokens its real, signed deliveries need. A source past its
 * allowance gets 429 before its body is read or any HMAC is computed, for that hook only (a misconfigured secret
 * on one hook must not lock a provider's shared addresses out of every other hook).
 *
 * A real sender fails verification only while misconfigured, so the defaults (a burst of 20, then 6 a minute) are
 * never met by a working one. JUNCTION_HOOK_FAILED_VERIFY_BURST and JUNCTION_HOOK_FAILED_VERIFY_PER_MINUTE change them.
 */
export type FailedVerifyLimits = { burst: number; perMinute: number };

const RANGES = {
  burst: { env: "JUNCTION_HOOK_FAILED_VERIFY_BURST", min: 1, max: 100_000, fallback: 20 },
  perMinute: { env: "JUNCTION_HOOK_FAILED_VERIFY_PER_MINUTE", min: 1, max: 600_000, fallback: 6 },
} as const;

/** The limits in force; a bad setting throws, naming the variable, the range and the value. */
export function failedVerifyLimits(env: Record<string, string | undefined> = process.env): FailedVerifyLimits {
  const out = {} as FailedVerifyLimits;
  for (const key of Object.keys(RANGES) as (keyof FailedVerifyLimits)[]) {
    const { env: name, min, max, fallback } = RANGES[key];
    const raw = env[name];
    const value = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}".`);
    out[key] = value;
  }
  return out;
}

// Read when the ingest path is loaded, so a bad setting stops the process at start instead of failing deliveries.
const limits = failedVerifyLimits();
const g = globalThis as unknown as { __junctionHookFailedVerifies?: TokenBuckets };
const buckets = (g.__junctionHookFailedVerifies ??= new TokenBuckets());
const key = (endpointId: string, source: string) => `${endpointId}|${source}`;

/** 429 with Retry-After when this source has used up its failed verifications on this hook; nothing is counted. */
export function refuseRepeatedFailures(endpointId: string, source: string, nowMs: number): void {
  const retryAfter = buckets.wait(key(endpointId, source), limits.perMinute / 60, limits.burst, nowMs);
  if (retryAfter === 0) return;
  throw new HookHttpError(429, `Too many deliveries from your address failed verification (${limits.burst} at once, then ${limits.perMinute} a minute); retry after ${retryAfter} s`, {
    "retry-after": String(retryAfter),
  });
}

/** Counts one failed verification against the source. */
export function countFailedVerification(endpointId: string, source: string, nowMs: number): void {
  buckets.take(key(endpointId, source), limits.perMinute / 60, limits.burst, nowMs);
}

export function resetFailedVerifications(): void {
  buckets.clear();
}
