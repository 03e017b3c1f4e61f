/**
 * Shared pieces of the sandbox benchmarks: a ~1 MB bundle shaped like bundler output (thousands of small
 * functions plus a data table, most of which an action never calls) and percentile helpers.
 */
import { hashBundle, type TestBundle } from "../../integrations/runtime/testing/bundles";

export function oneMegabyteBundle(): TestBundle {
  const parts: string[] = ['(function () { "use strict";'];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const fn = `function f${i}(a, b) { const o = { k${i}: a + ${i}, s: "item-${i}-" + String(b) }; if (a > ${i % 97}) { return [o, a * 2, b?.length ?? 0]; } return o.s.split("-").map((x) => x.toUpperCase()).join("."); }\n`;
    parts.push(fn);
    size += fn.length;
  }
  parts.push(`globalThis.__junction = { actions: {
    echo: { run: (ctx) => ({ echoed: ctx.input, n: f1(1, "x").length }) },
    fetch: { run: async (ctx) => { const r = await ctx.http.fetch(ctx.input.url); return { status: r.status, body: await r.text() }; } },
  } }; })();`);
  return hashBundle(parts.join(""));
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summary(samples: number[]): string {
  const f = (n: number) => n.toFixed(2);
  return `n=${samples.length} p50=${f(percentile(samples, 50))} ms p95=${f(percentile(samples, 95))} ms max=${f(Math.max(...samples))} ms`;
}

export const RUN = { runId: "bench", stepId: "step", attempt: 1, idempotencyKey: "bench:step" };
