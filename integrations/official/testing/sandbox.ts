import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPackage, type BuildResult } from "@junction/cli";
import { createSandboxHost, type ExecuteRequest, type SandboxHost } from "../../runtime";

/**
 * For the official packages' end-to-end tests: build the package with the CLI (as publishing does) and run its
 * actions through the real sandbox host, so a test proves the bundle works in an isolate, not just in Node.
 */
export async function buildForSandbox(packageDir: string): Promise<BuildResult> {
  return buildPackage(packageDir, { outDir: await mkdtemp(path.join(tmpdir(), "junction-official-")) });
}

export function sandboxRunner(built: BuildResult, host: SandboxHost = createSandboxHost({ processes: 1, allowLoopbackForTests: true })) {
  let step = 0;
  return {
    host,
    run: (actionKey: string, input: unknown, extra: Partial<ExecuteRequest> = {}) => {
      step++;
      return host.execute({
        bundle: built.bundle,
        bundleHash: built.sha256,
        integrationId: built.manifest.id,
        actionKey,
        input,
        permissions: { network: built.manifest.permissions.network },
        limits: { cpuMs: 2_000, wallMs: 10_000, heapMb: 64 },
        run: { runId: "run_test", stepId: `step_${step}`, attempt: 1, idempotencyKey: `run_test:step_${step}` },
        ...extra,
      });
    },
  };
}
