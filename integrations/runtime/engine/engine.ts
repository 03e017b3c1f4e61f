import { DEFAULT_JSON_LIMITS } from "../../../db/json";
import type { Resolver } from "../network/resolve";
import type { SandboxResult } from "../types";
import { BundleCache } from "./bundle-cache";
import { DEFAULT_POOL, IsolatePool, type PoolOptions } from "./isolate-pool";
import { runAction, type EngineJob } from "./run-action";
import { Watchdog } from "./watchdog";

export type EngineOptions = {
  allowLoopback: boolean;
  resolver: Resolver;
  pool?: Partial<PoolOptions>;
  maxRedirects?: number;
  /** Deepest nesting allowed in what an action hands out (output, log data, store values): JUNCTION_JSON_MAX_DEPTH. */
  maxJsonDepth?: number;
};

export type Engine = {
  hasBundle(hash: string): boolean;
  /** Verifies `source` against `hash` and keeps it (and, after the first compile, V8's code cache for it). */
  addBundle(hash: string, source: string): void;
  run(job: EngineJob): Promise<SandboxResult>;
  idleIsolates(): number;
  close(): void;
};

/**
 * Everything that runs actions in *this* process: bundle cache, warm isolates, watchdog. The sandbox process
 * (process/child.ts) owns one; tests and benchmarks may use one directly. It does no queueing of its own.
 */
export function createEngine(options: EngineOptions): Engine {
  const bundles = new BundleCache();
  const pool = new IsolatePool(bundles, { ...DEFAULT_POOL, ...options.pool });
  const watchdog = new Watchdog();
  const network = { allowLoopback: options.allowLoopback, resolver: options.resolver, maxRedirects: options.maxRedirects ?? 5 };
  const sweeper = setInterval(() => pool.sweep(), 5_000).unref();
  return {
    hasBundle: (hash) => bundles.has(hash),
    addBundle: (hash, source) => bundles.add(hash, source),
    run: (job) => runAction({ pool, watchdog, network, maxJsonDepth: options.maxJsonDepth ?? DEFAULT_JSON_LIMITS.maxDepth }, job),
    idleIsolates: () => pool.idleCount,
    close: () => {
      clearInterval(sweeper);
      pool.close();
    },
  };
}
