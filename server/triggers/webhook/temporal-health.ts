import { temporal } from "../../../workflows/client";

/**
 * Whether Temporal can take runs, as the process that acknowledges deliveries sees it. A 2xx promises a run; while
 * Temporal is unreachable, deliveries are refused with 503 + Retry-After instead of piling up behind the outage.
 * The answer comes from a probe in the background (once a second), never from a call on the request path: the
 * acknowledging process does not start runs itself (the worker's outbox relay does), so it would not notice an
 * outage otherwise.
 */
const PROBE_EVERY_MS = Number(process.env.JUNCTION_TEMPORAL_PROBE_MS ?? 1_000);
const PROBE_DEADLINE_MS = 2_000;

type State = { healthy: boolean | null; timer: NodeJS.Timeout | null; probing: Promise<boolean> | null };
const g = globalThis as unknown as { __junctionTemporalHealth?: State };
const state = (g.__junctionTemporalHealth ??= { healthy: null, timer: null, probing: null });

/** Known state at once; the first call of a process waits for one probe. Starts the background probe. */
export async function temporalAvailable(): Promise<boolean> {
  watchTemporal();
  return state.healthy ?? probe();
}

/** Starts the once-a-second probe of this process (idempotent; the edge calls it at boot). */
export function watchTemporal(): void {
  if (state.timer) return;
  void probe();
  state.timer = setInterval(() => void probe(), PROBE_EVERY_MS);
  state.timer.unref();
}

/** A sync hook's start failed because Temporal is unreachable: refuse at once rather than wait for the next probe. */
export function reportTemporalUnavailable(): void {
  state.healthy = false;
}

function probe(): Promise<boolean> {
  state.probing ??= (async () => {
    try {
      const { connection } = await temporal();
      await connection.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => connection.workflowService.getSystemInfo({}));
      state.healthy = true;
    } catch {
      state.healthy = false;
    }
    return state.healthy;
  })().finally(() => (state.probing = null));
  return state.probing;
}
