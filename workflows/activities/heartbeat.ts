import type { Context } from "@temporalio/activity";
import { HEARTBEAT_AFTER_MS } from "../constants";

/**
 * Heartbeats for a normal (not local) step attempt once it has run HEARTBEAT_AFTER_MS, until the returned stop is
 * called. Heartbeats are how the run's cancellation reaches a running attempt (Temporal answers one with "cancel
 * requested", which aborts ctx.cancellationSignal) and how an attempt lost with its worker is retried within
 * STEP_HEARTBEAT_TIMEOUT_MS instead of at the step's timeout. Quick steps never send one. The SDK throttles the
 * calls to what the heartbeat timeout needs.
 */
export function startHeartbeats(ctx: Context): () => void {
  if (ctx.info.isLocal) return () => {};
  let every: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    ctx.heartbeat();
    every = setInterval(() => ctx.heartbeat(), 1_000);
  }, HEARTBEAT_AFTER_MS);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
