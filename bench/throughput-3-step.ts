/**
 * Saturation throughput of a 3-step workflow: keeps CONCURRENCY runs in flight for DURATION_S seconds and prints
 * completed runs per second. STEPS=http makes the steps HTTP calls to a loopback server instead of core.set.
 *   bash scripts/node.sh bench/throughput-3-step.ts   (STEPS=core|http, CONCURRENCY=50, DURATION_S=20)
 */
import { startSink } from "../workflows/testing/sink";
import { linearGraph, startEngine } from "./lib/engine";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const STEPS = process.env.STEPS === "http" ? "http" : "core";
const sink = await startSink(0);
const engine = await startEngine();
const graph = linearGraph(3, STEPS === "http" ? sink.url : undefined);
try {
  for (let i = 0; i < 5; i++) await engine.runOnce(graph);
  let completed = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  const started = performance.now();
  const lane = async () => {
    while (performance.now() < deadline) {
      await engine.runOnce(graph);
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (performance.now() - started) / 1000;
  const kind = STEPS === "http" ? "HTTP steps (loopback)" : "core.set steps";
  console.log(`throughput, 3-step workflow of ${kind}, ${CONCURRENCY} in flight: ${completed} runs in ${seconds.toFixed(1)} s = ${(completed / seconds).toFixed(1)} runs/s`);
} finally {
  await engine.stop();
  await sink.close();
}
