import { createEngine, type EngineOptions } from "../engine/engine";
import { resolveLimits } from "../limits";
import { systemResolver } from "../network/resolve";
import type { ExecuteRequest, SandboxResult } from "../types";

/**
 * The engine behind the same `execute(request)` shape as the real host, without the sandbox process: for
 * engine tests and benchmarks. Never for code that may exhaust memory in ways V8 cannot contain (see host.ts).
 */
export function inlineHost(options: Partial<EngineOptions> = {}) {
  const engine = createEngine({ allowLoopback: false, resolver: systemResolver, ...options });
  return {
    engine,
    async execute(request: ExecuteRequest): Promise<SandboxResult> {
      if (!engine.hasBundle(request.bundleHash)) engine.addBundle(request.bundleHash, request.bundle);
      return engine.run({ ...request, limits: resolveLimits(undefined, request.limits), capabilities: request.capabilities ?? {} });
    },
    close: () => engine.close(),
  };
}
