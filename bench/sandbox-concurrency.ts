/**
 * Concurrency: N I/O-bound executions at once (each fetches from a loopback server that answers after a
 * delay), 64 MB heap limit each, through the real host (sandbox process + isolates). Prints the peak RSS of
 * the host process plus its sandbox processes, sampled every 10 ms.
 *   node --no-node-snapshot --import tsx bench/sandbox-concurrency.ts [executions=50] [delayMs=200]
 */
import { createSandboxHost } from "../integrations/runtime/host";
import { requestFor } from "../integrations/runtime/testing/harness";
import { startServer } from "../integrations/runtime/testing/loopback-server";
import { rssOfMb, sandboxPids } from "../integrations/runtime/testing/processes";
import { oneMegabyteBundle, summary } from "./lib/sandbox-fixtures";

const N = Number(process.argv[2] ?? 50);
const DELAY_MS = Number(process.argv[3] ?? 200);
const MB = 1024 * 1024;

// The sandbox processes are looked up once, after warm-up: pgrep is too slow to run every 10 ms.
function rssMb(pids: string[]): { host: number; sandboxes: number } {
  return { host: process.memoryUsage.rss() / MB, sandboxes: pids.reduce((sum, pid) => sum + rssOfMb(pid), 0) };
}

// The I/O target is a loopback server, which only a test-mode host may reach.
(process.env as Record<string, string>).NODE_ENV = "test";
const server = await startServer((_req, res) => setTimeout(() => res.end("x".repeat(1024)), DELAY_MS));
const host = createSandboxHost({ allowLoopbackForTests: true, maxConcurrentPerIntegration: N, processes: 2 });
const bundle = oneMegabyteBundle();
const request = (i: number) =>
  requestFor(bundle, "fetch", { input: { url: server.url(`/?i=${i}`) }, permissions: { network: ["127.0.0.1"] }, limits: { heapMb: 64, wallMs: 30_000 } });

// Start both sandbox processes (load spills over to the second) and load the bundle in each before measuring.
await Promise.all(Array.from({ length: 12 }, (_, i) => host.execute(request(i))));
const pids = sandboxPids();
const idle = rssMb(pids);
let peak = { host: 0, sandboxes: 0, total: 0 };
const sampler = setInterval(() => {
  const now = rssMb(pids);
  if (now.host + now.sandboxes > peak.total) peak = { ...now, total: now.host + now.sandboxes };
}, 10);

async function wave() {
  const started = performance.now();
  const latencies: number[] = [];
  const results = await Promise.allSettled(
    Array.from({ length: N }, async (_, i) => {
      const t = performance.now();
      const result = await host.execute(request(i));
      latencies.push(performance.now() - t);
      return result;
    }),
  );
  return { elapsed: performance.now() - started, latencies, failed: results.filter((r) => r.status === "rejected") };
}
// First wave: most executions need a new isolate. Second wave: the isolates are warm.
const first = await wave();
const second = await wave();
clearInterval(sampler);
await host.close();
await server.close();

console.log(`${N} concurrent executions, fetch delay ${DELAY_MS} ms, heap limit 64 MB, ${pids.length} sandbox processes`);
for (const [name, w] of [["cold isolates", first], ["warm isolates", second]] as const) {
  console.log(`${name}: succeeded ${N - w.failed.length}/${N} in ${w.elapsed.toFixed(0)} ms; latency ${summary(w.latencies)}`);
  if (w.failed.length) console.log(`  first failure: ${String((w.failed[0] as PromiseRejectedResult).reason)}`);
}
console.log(`RSS idle: host ${idle.host.toFixed(0)} MB + sandboxes ${idle.sandboxes.toFixed(0)} MB`);
console.log(`FIGURE concurrency peak RSS = ${peak.total.toFixed(0)} MB (host ${peak.host.toFixed(0)} MB + sandboxes ${peak.sandboxes.toFixed(0)} MB)`);
