import ivm from "isolated-vm";
import { SandboxCancelledError, SandboxConfigError, SandboxError, SandboxGuestError, SandboxLimitError } from "../errors";
import type { Limits } from "../limits";
import type { FetchPolicy } from "../network/guarded-fetch";
import type { Capabilities, RunInfo, SandboxResult } from "../types";
import { ExecutionState } from "./execution-state";
import { hostCallbacks, type Deliver } from "./host-callbacks";
import { releaseGuestContext, type GuestContext } from "./guest-context";
import { takeContext, type IsolatePool, type Lease } from "./isolate-pool";
import { decodeResult } from "./result";
import { recordHeap, type Watchdog } from "./watchdog";

export type EngineJob = {
  bundleHash: string;
  integrationId: string;
  actionKey: string;
  input: unknown;
  connection?: Record<string, unknown>;
  permissions: { network: string[] };
  limits: Limits;
  run: RunInfo;
  capabilities: Capabilities;
  signal?: AbortSignal;
  /** V8 lost control of the isolate (see isolated-vm's onCatastrophicError): its thread is gone for good. */
  onCatastrophe?: () => void;
};

export type EngineDeps = { pool: IsolatePool; watchdog: Watchdog; network: Omit<FetchPolicy, "permitted">; maxJsonDepth: number };

const MAX_LOG_LINES = 200;
const MB = 1024 * 1024;

/**
 * Runs one action in a leased isolate: fresh context → bootstrap → bundle → invoke(ctx). The watchdog enforces
 * CPU and wall time from the moment the isolate is ours; everything that ends the execution early goes through
 * ExecutionState.fail, so the error the caller sees is always the first limit or refusal that was hit.
 */
export async function runAction(deps: EngineDeps, job: EngineJob): Promise<SandboxResult> {
  let lease: Lease | undefined;
  const state = new ExecutionState(job.limits, () => lease?.isolate.isDisposed === false && lease.isolate.dispose());
  const cancel = () => state.fail(new SandboxCancelledError("The execution was cancelled."));
  job.signal?.addEventListener("abort", cancel, { once: true });
  let stopWatching: (() => void) | undefined;
  let guest: GuestContext | undefined;
  let reusable = false;
  try {
    const args = copyArguments(job, deps.maxJsonDepth);
    if (job.signal?.aborted) cancel();
    lease = await deps.pool.acquire(job.bundleHash, job.limits.heapMb, `junction://integrations/${encodeURIComponent(job.integrationId)}/bundle.js`);
    lease.onCatastrophe = () => {
      state.fail(heapError(job.limits.heapMb));
      job.onCatastrophe?.();
    };
    stopWatching = deps.watchdog.watch(lease.isolate, state);
    if (state.failure) throw state.failure;
    guest = await state.until(takeContext(lease));
    const { context, invoke, deliver: deliverRef } = guest;
    await state.until(lease.bundle.run(context));
    const deliver = deliverer(lease.isolate, deliverRef);
    const callbacks = hostCallbacks(state, { ...deps.network, permitted: job.permissions.network }, job.capabilities, deliver, deps.maxJsonDepth);
    const raw: unknown = await state.until(invoke.apply(undefined, [...args, callbacks.fetch, callbacks.store, callbacks.log, callbacks.keyed], { result: { promise: true, copy: true } }));
    stopWatching();
    stopWatching = undefined;
    if (state.failure) throw state.failure;
    recordHeap(state, await state.until(lease.isolate.getHeapStatistics()));
    const result = decodeResult(raw, job.limits.outputBytes, deps.maxJsonDepth);
    // Reuse only an isolate with nothing left in flight: a host call the guest did not await would otherwise
    // resolve into the old context while the next execution runs.
    reusable = result.pending === 0 && state.inFlight === 0 && state.heapPeakBytes < (job.limits.heapMb * MB) / 2;
    if (result.kind === "error") throw withNetworkCause(result.error, state);
    return { output: result.output, usage: usage(state) };
  } catch (error) {
    const failure = classify(error, state, job.limits.heapMb);
    failure.usage = usage(state);
    throw failure;
  } finally {
    stopWatching?.();
    state.end();
    job.signal?.removeEventListener("abort", cancel);
    if (guest && lease && !lease.isolate.isDisposed) releaseGuestContext(guest);
    if (lease) deps.pool.release(lease, reusable);
  }
}

/** Answers a host call inside the isolate. Never throws: the isolate may be gone by the time an answer is ready. */
function deliverer(isolate: ivm.Isolate, deliverRef: ivm.Reference): Deliver {
  const send = (id: number, envelope: unknown) => deliverRef.applyIgnored(undefined, [id, new ivm.ExternalCopy(envelope).copyInto({ release: true })]);
  return (id, envelope) => {
    if (isolate.isDisposed) return;
    try {
      send(id, envelope);
    } catch {
      try {
        send(id, { ok: false, error: { name: "Error", message: "The host's answer could not be copied into the sandbox." } });
      } catch {
        // disposed in between: the execution is over anyway
      }
    }
  };
}

/** Input, connection and run info cross as copies made here; only plain data can cross. */
function copyArguments(job: EngineJob, maxDepth: number): unknown[] {
  const copy = (value: unknown, what: string) => {
    if (value === undefined) return undefined;
    try {
      return new ivm.ExternalCopy(value).copyInto({ release: true });
    } catch {
      throw new SandboxConfigError(`The ${what} cannot be copied into the sandbox (only plain data can).`);
    }
  };
  const options = { outputBytes: job.limits.outputBytes, maxLogLines: MAX_LOG_LINES, maxDepth };
  return [job.actionKey, copy(job.input, "input"), copy(job.connection, "connection"), copy({ ...job.run }, "run info"), copy(options, "options")];
}

/** The error the caller sees. A recorded failure wins over whatever the interrupted isolate call threw. */
function classify(error: unknown, state: ExecutionState, heapMb: number): SandboxError {
  if (state.failure) return state.failure;
  if (error instanceof SandboxError) return error;
  const e = error as { name?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(error);
  if (/memory limit/i.test(message)) return state.fail(heapError(heapMb));
  // An error thrown by the bundle's top-level code, copied out of the isolate: keep its name and message only.
  return new SandboxGuestError(typeof e?.name === "string" ? e.name.slice(0, 100) : "Error", message.slice(0, 2000));
}

/**
 * A guest that lets a failed fetch's TypeError escape (the usual case) fails with the host's own message; then
 * the host, not the guest, says what happened on the network, and the retry decision can rely on it.
 */
function withNetworkCause(error: SandboxGuestError | SandboxLimitError, state: ExecutionState): SandboxError {
  if (error instanceof SandboxGuestError && error.guestName === "TypeError") error.network = state.networkFailures.get(error.message);
  return error;
}

function heapError(heapMb: number): SandboxLimitError {
  return new SandboxLimitError("heap", `The action's heap passed ${heapMb} MB (limit heap).`);
}

function usage(state: ExecutionState) {
  const heapHit = state.failure instanceof SandboxLimitError && state.failure.limit === "heap";
  return {
    cpuMs: round(state.cpuMs),
    wallMs: round(state.wallMs()),
    queuedMs: 0,
    heapPeakBytes: heapHit ? Math.max(state.heapPeakBytes, state.limits.heapMb * MB) : state.heapPeakBytes,
    fetchCount: state.fetchCount,
    fetchBytes: state.fetchBytes,
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
