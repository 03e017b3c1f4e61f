import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

// One registry per process, kept on globalThis so Next.js module reloads do not register metrics twice.
const g = globalThis as unknown as { __junctionMetrics?: { registry: Registry; trpcCalls: Histogram<"path" | "type" | "outcome"> } };

function create() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: process.env.JUNCTION_SERVICE ?? "web" });
  collectDefaultMetrics({ register: registry, prefix: "junction_" });
  const trpcCalls = new Histogram({
    name: "junction_trpc_call_duration_seconds",
    help: "tRPC procedure duration by path and outcome",
    labelNames: ["path", "type", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, trpcCalls };
}

g.__junctionMetrics ??= create();

export const registry = g.__junctionMetrics.registry;
export const trpcCalls = g.__junctionMetrics.trpcCalls;
