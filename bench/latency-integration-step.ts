/**
 * Overhead of one sandboxed integration step in a real run: the same one-step workflow with the step run by
 * the engine itself (core.set) and by an official integration in the sandbox (transform.pick_fields: version
 * load from the cache, capabilities, a sandbox process and a warm isolate with a fresh context). Runs alternate
 * between the two so machine load hits both alike. Prints p50/p95 of each and the p50 difference.
 *   bash scripts/node.sh bench/latency-integration-step.ts   (RUNS=… per variant, default 150)
 */
import type { Graph } from "../workflows/graph";
import { percentile, startEngine } from "./lib/engine";

const RUNS = Number(process.env.RUNS ?? 150);
const oneStep = (action: { integration: string; version: string; key: string }, input: Record<string, unknown>) =>
  ({
    schemaVersion: 1,
    nodes: [{ id: "start", kind: "trigger" }, { id: "s1", kind: "action", action, input, settings: { onError: "fail" } }],
    edges: [{ id: "e1", source: "start", target: "s1" }],
  }) as unknown as Graph;
const builtin = oneStep({ integration: "core", version: "1", key: "set" }, { a: 1 });
const sandboxed = oneStep({ integration: "transform", version: "1.0.0", key: "pick_fields" }, { data: { a: 1, b: 2 }, fields: ["a"] });

const engine = await startEngine();
try {
  for (let i = 0; i < 10; i++) {
    await engine.runOnce(builtin);
    await engine.runOnce(sandboxed); // warm-up: workflow bundle, version cache, isolate pool, JIT
  }
  const times = { builtin: [] as number[], sandboxed: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, graph] of [["builtin", builtin], ["sandboxed", sandboxed]] as const) {
      const t = performance.now();
      await engine.runOnce(graph);
      times[name].push(performance.now() - t);
    }
  }
  const stats = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  };
  const b = stats(times.builtin);
  const s = stats(times.sandboxed);
  console.log(
    `one-step run, ${RUNS} runs each: core.set p50 ${b.p50.toFixed(1)} ms p95 ${b.p95.toFixed(1)} ms; ` +
      `transform.pick_fields (sandbox) p50 ${s.p50.toFixed(1)} ms p95 ${s.p95.toFixed(1)} ms; ` +
      `sandboxed step overhead (p50 difference) ${(s.p50 - b.p50).toFixed(1)} ms`,
  );
} finally {
  await engine.stop();
}
