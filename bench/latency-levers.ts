/**
 * What each of Temporal's latency levers gives the 10-step linear workflow, measured with core.set steps and with
 * HTTP steps (core.http_request to a loopback server). Every setting gets its own Temporal dev server and worker;
 * the two graphs alternate run by run so machine load hits both alike. Prints p50/p95 per setting and graph.
 *   bash scripts/node.sh bench/latency-levers.ts   (RUNS=… per graph and setting, default 100; ONLY=name,name)
 *
 * Levers: eager workflow start (client.workflow.start with requestEagerStart; needs the client on the worker's
 * connection, so a start from the web process cannot use it), eager activity dispatch (server
 * system.enableActivityEagerExecution + the worker's eager reservations), reuseV8Context (one V8 context for all
 * workflows instead of one each), local activities (core.set and recording the run's end in the interpreter's
 * worker, no task-queue round trip).
 */
import { startSink } from "../workflows/testing/sink";
import { linearGraph, percentile, startEngine } from "./lib/engine";

const RUNS = Number(process.env.RUNS ?? 100);
type Levers = { eagerStart: boolean; eagerActivities: boolean; reuseV8Context: boolean; localActivities: boolean };
const NONE: Levers = { eagerStart: false, eagerActivities: false, reuseV8Context: false, localActivities: false };
const ALL: Levers = { eagerStart: true, eagerActivities: true, reuseV8Context: true, localActivities: true };
const SETTINGS: [string, Levers][] = [
  ["none", NONE],
  ["eager workflow start", { ...NONE, eagerStart: true }],
  ["eager activity dispatch", { ...NONE, eagerActivities: true }],
  ["reuseV8Context", { ...NONE, reuseV8Context: true }],
  ["local activities", { ...NONE, localActivities: true }],
  ["production (all but eager start)", { ...ALL, eagerStart: false }],
  ["all", ALL],
];
const only = process.env.ONLY?.split(",");

const sink = await startSink(0);
const graphs = { core: linearGraph(10), http: linearGraph(10, sink.url) };
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(0)} ms, p95 ${percentile(s, 95).toFixed(0)} ms`;
};
console.log(`10-step linear workflow, ${RUNS} runs per graph and setting`);
try {
  for (const [name, levers] of SETTINGS) {
    if (only && !only.includes(name)) continue;
    const engine = await startEngine({
      dynamicConfig: { "system.enableActivityEagerExecution": levers.eagerActivities },
      tuning: { reuseV8Context: levers.reuseV8Context, maxEagerActivityReservationsPerWorkflowTask: levers.eagerActivities ? 3 : 0 },
    });
    try {
      const opts = { eagerStart: levers.eagerStart, localActivities: levers.localActivities };
      for (let i = 0; i < 10; i++) for (const graph of Object.values(graphs)) await engine.runOnce(graph, opts); // warm-up
      const times = { core: [] as number[], http: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        for (const [kind, graph] of Object.entries(graphs) as [keyof typeof graphs, (typeof graphs)["core"]][]) {
          const t = performance.now();
          await engine.runOnce(graph, opts);
          times[kind].push(performance.now() - t);
        }
      }
      console.log(`${name.padEnd(34)} core.set: ${stats(times.core)}; HTTP: ${stats(times.http)}`);
    } finally {
      await engine.stop();
    }
  }
} finally {
  await sink.close();
}
