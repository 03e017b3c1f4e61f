/**
 * End-to-end latency of a 10-step linear workflow of trivial steps (core.set): start → result, one run at a
 * time, ≥ 200 runs after a warm-up. Prints p50, p95 and the implied per-step overhead.
 *   bash scripts/node.sh bench/latency-10-step.ts   (RUNS=… to change the count)
 */
import { linearGraph, percentile, startEngine } from "./lib/engine";

const RUNS = Number(process.env.RUNS ?? 200);
const engine = await startEngine();
const graph = linearGraph(10);
try {
  for (let i = 0; i < 10; i++) await engine.runOnce(graph); // warm-up: bundle load, JIT, connection pools
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await engine.runOnce(graph);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const [p50, p95] = [percentile(ms, 50), percentile(ms, 95)];
  console.log(`latency, 10-step linear workflow, ${RUNS} runs: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, per step (p50/10) ${(p50 / 10).toFixed(1)} ms`);
} finally {
  await engine.stop();
}
