import { SandboxConfigError } from "./errors";

/** Per-execution limits. Every breach fails the step with a SandboxLimitError naming the limit. */
export type Limits = {
  /** Isolate heap in MB (V8 heap plus ArrayBuffer memory). isolated-vm's minimum is 8. */
  heapMb: number;
  /** CPU time spent in the isolate, including loading the bundle. */
  cpuMs: number;
  /** Wall-clock time from the start of the execution (after any queueing) to its result. */
  wallMs: number;
  /** Size of the action's output, as UTF-8 JSON. */
  outputBytes: number;
  /** Number of ctx.http.fetch calls; each redirect hop counts as one more. */
  fetchCount: number;
  /** Request body bytes sent plus (decoded) response body bytes received, over all fetches. */
  fetchBytes: number;
};

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  heapMb: 128,
  cpuMs: 10_000,
  wallMs: 30_000,
  outputBytes: 1024 * 1024,
  fetchCount: 50,
  fetchBytes: 16 * 1024 * 1024,
});

const MIN: Readonly<Limits> = { heapMb: 8, cpuMs: 1, wallMs: 1, outputBytes: 1, fetchCount: 0, fetchBytes: 0 };
const MAX: Readonly<Limits> = {
  heapMb: 512,
  cpuMs: 5 * 60_000,
  wallMs: 15 * 60_000,
  outputBytes: 16 * 1024 * 1024,
  fetchCount: 1_000,
  fetchBytes: 256 * 1024 * 1024,
};

/**
 * Layers `overrides` over `base` and checks every value. Out-of-range values are the caller's bug, so they
 * throw instead of being clamped silently.
 */
export function resolveLimits(base: Partial<Limits> | undefined, overrides?: Partial<Limits>): Limits {
  const merged = { ...DEFAULT_LIMITS, ...stripUndefined(base), ...stripUndefined(overrides) };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = merged[key];
    if (!Number.isSafeInteger(value) || value < MIN[key] || value > MAX[key]) {
      throw new SandboxConfigError(`Limit ${key} must be an integer from ${MIN[key]} to ${MAX[key]}; got ${String(value)}.`);
    }
  }
  return merged;
}

function stripUndefined(limits: Partial<Limits> | undefined): Partial<Limits> {
  return Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined));
}
