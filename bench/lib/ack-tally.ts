import { percentile } from "./engine";

/** What one load run of webhook deliveries gave: latency percentiles, 2xx and other answers, failures, 2xx per second. */
export type AckResult = { p50: number; p95: number; p99: number; ok: number; bad: number; errors: number; rps: number; codes: Record<string, number> };

/** Collects answers as they arrive (autocannon or the open-loop sender) and sums them up into an AckResult. */
export function ackTally() {
  const times: number[] = [];
  const codes: Record<string, number> = {};
  let ok = 0;
  let bad = 0;
  return {
    answer(status: number, ms: number): void {
      times.push(ms);
      codes[status] = (codes[status] ?? 0) + 1;
      if (status >= 200 && status < 300) ok++;
      else bad++;
    },
    result(errors: number, durationS: number): AckResult {
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), ok, bad, errors, rps: ok / durationS, codes };
    },
  };
}
