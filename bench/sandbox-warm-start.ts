/**
 * Warm start: a fresh context in an isolate that already has the 1 MB bundle compiled, per execution.
 *   node --no-node-snapshot --import tsx bench/sandbox-warm-start.ts
 * "engine" = the isolate work alone; "via host" = createSandboxHost().execute, i.e. plus the concurrency gate
 * and the round trip to the sandbox process.
 */
import { createSandboxHost } from "../integrations/runtime/host";
import { requestFor } from "../integrations/runtime/testing/harness";
import { inlineHost } from "../integrations/runtime/testing/inline-host";
import { oneMegabyteBundle, percentile, summary } from "./lib/sandbox-fixtures";

const request = requestFor(oneMegabyteBundle(), "echo", { input: { hello: "world" }, limits: { heapMb: 128 } });
const ITERATIONS = 500;

async function measure(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await run(); // warm-up: isolate, code cache, JIT on the host side
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

const engine = inlineHost();
const inline = await measure(() => engine.execute(request));
engine.close();

const host = createSandboxHost({ processes: 1 });
const viaHost = await measure(() => host.execute(request));
await host.close();

console.log(`warm start, engine:   ${summary(inline)}`);
console.log(`warm start, via host: ${summary(viaHost)}`);
console.log(`FIGURE warm-start p95 = ${percentile(inline, 95).toFixed(2)} ms engine, ${percentile(viaHost, 95).toFixed(2)} ms via host (goal <= 3 ms)`);
