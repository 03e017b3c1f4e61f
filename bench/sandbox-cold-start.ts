/**
 * Cold start: a new isolate + loading a 1 MB bundle + running a trivial action, per execution.
 *   node --no-node-snapshot --import tsx bench/sandbox-cold-start.ts
 * "cached" = the process has seen the bundle before (V8 code cache by bundle hash), the common cold start.
 * "first load" = a bundle the process has never seen (hash check + full parse).
 * "via host" = the same cold start measured at createSandboxHost().execute, i.e. plus the sandbox process hop.
 */
import { createSandboxHost } from "../integrations/runtime/host";
import { requestFor } from "../integrations/runtime/testing/harness";
import { inlineHost } from "../integrations/runtime/testing/inline-host";
import { oneMegabyteBundle, percentile, summary } from "./lib/sandbox-fixtures";

const bundle = oneMegabyteBundle();
const request = requestFor(bundle, "echo", { input: { hello: "world" }, limits: { heapMb: 128 } });
const ITERATIONS = 100;

async function measure(run: () => Promise<unknown>, n = ITERATIONS): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

// No idle isolates kept: every execution creates (and disposes) its own isolate.
const cold = inlineHost({ pool: { maxIdle: 0 } });
await cold.execute(request); // produces the code cache
const cached = await measure(() => cold.execute(request));
cold.close();

const firstLoad = await measure(async () => {
  const fresh = inlineHost({ pool: { maxIdle: 0 } });
  await fresh.execute(request);
  fresh.close();
}, 30);

const host = createSandboxHost({ processes: 1 });
await host.execute({ ...request, limits: { heapMb: 64 } }); // start the sandbox process, cache the bundle
// A heap limit not used before forces a new isolate (warm isolates are kept per bundle and heap limit).
let heap = 100;
const viaHost = await measure(() => host.execute({ ...request, limits: { heapMb: heap++ } }));
await host.close();

console.log(`bundle: ${(bundle.bundle.length / 1e6).toFixed(2)} MB`);
console.log(`cold start, cached code:  ${summary(cached)}`);
console.log(`cold start, first load:   ${summary(firstLoad)}`);
console.log(`cold start via host:      ${summary(viaHost)}`);
console.log(`FIGURE cold-start p95 = ${percentile(cached, 95).toFixed(2)} ms (goal <= 20 ms)`);
