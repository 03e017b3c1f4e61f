import { expect } from "vitest";
import type { SandboxError } from "../errors";
import type { ExecuteRequest, SandboxHost } from "../types";
import type { TestBundle } from "./bundles";

export const RUN = { runId: "run_1", stepId: "step_1", attempt: 1, idempotencyKey: "run_1:step_1" };

/** A request for `actionKey` of `bundle` with test-friendly defaults (no network, short limits). */
export function requestFor(bundle: TestBundle, actionKey: string, overrides: Partial<ExecuteRequest> = {}): ExecuteRequest {
  return {
    ...bundle,
    integrationId: "test-integration",
    actionKey,
    input: {},
    permissions: { network: [] },
    limits: { cpuMs: 1_000, wallMs: 3_000, heapMb: 32 },
    run: RUN,
    ...overrides,
  };
}

/** The error `promise` rejects with, asserted to be a SandboxError of `type`. */
export async function failure<T extends SandboxError>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected ${type.name}, but the execution succeeded with ${JSON.stringify(value).slice(0, 300)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  // No host stack frames or paths in anything the run view will show.
  expect((error as Error).message).not.toMatch(/\/work\/|node_modules|at .*\.ts:\d+/);
  return error as T;
}

/** Asserts the host still runs a trivial action, i.e. an attack left it working. */
export async function expectHostAlive(host: Pick<SandboxHost, "execute">, bundle: TestBundle, actionKey = "canary"): Promise<void> {
  const result = await host.execute(requestFor(bundle, actionKey, { input: { ping: 1 } }));
  expect(result.output).toEqual({ pong: 1 });
}

/** Source of the canary action every corpus bundle includes. */
export const CANARY = "(ctx) => ({ pong: ctx.input.ping })";
