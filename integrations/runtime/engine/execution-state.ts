import { SandboxLimitError, type NetworkFailureKind, type SandboxError } from "../errors";
import type { Limits } from "../limits";
import type { FetchMeter } from "../network/guarded-fetch";

/**
 * What one execution has used and whether it has already failed. The first fatal error wins: a breach found
 * by the watchdog, a fetch refused by policy or a budget passed inside a callback all end the execution the same
 * way (record it, then terminate the isolate), so a guest that catches the error it was shown still fails.
 */
export class ExecutionState implements FetchMeter {
  readonly startedAt = performance.now();
  /** Aborted when the execution ends, for whatever reason: cancels the fetches still in flight. */
  readonly ended = new AbortController();
  fetchCount = 0;
  fetchBytes = 0;
  heapPeakBytes = 0;
  cpuMs = 0;
  /** Host callbacks started and not yet finished, and started in all. */
  inFlight = 0;
  hostCalls = 0;
  /** Messages of the network failures the guest was shown (a TypeError each), and what the host saw happen. */
  readonly networkFailures = new Map<string, NetworkFailureKind>();
  private fatal: SandboxError | undefined;
  private rejectFailed: (error: SandboxError) => void = () => {};
  /** Rejects with the first fatal error: awaited alongside isolate calls that a wedged isolate might never end. */
  readonly failed = new Promise<never>((_, reject) => (this.rejectFailed = reject));

  constructor(
    readonly limits: Limits,
    private readonly terminate: () => void,
  ) {
    this.failed.catch(() => {});
  }

  /** `promise`, unless the execution fails first. */
  until<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => {}); // if the race is lost, its rejection is expected and ignored
    return Promise.race([promise, this.failed]);
  }

  get failure(): SandboxError | undefined {
    return this.fatal;
  }

  get isOver(): boolean {
    return this.ended.signal.aborted;
  }

  /** Records the first fatal error and stops the guest. Later calls keep the first error. */
  fail(error: SandboxError): SandboxError {
    if (!this.fatal) {
      this.fatal = error;
      this.rejectFailed(error);
      this.terminate();
    }
    return this.fatal;
  }

  end(): void {
    this.ended.abort();
  }

  startRequest(): void {
    this.fetchCount++;
    if (this.fetchCount > this.limits.fetchCount) {
      throw this.fail(new SandboxLimitError("fetch_count", `The action made more than ${this.limits.fetchCount} HTTP requests (limit fetch_count).`));
    }
  }

  addBytes(bytes: number): void {
    this.fetchBytes += bytes;
    if (this.fetchBytes > this.limits.fetchBytes) {
      throw this.fail(new SandboxLimitError("fetch_bytes", `The action's HTTP traffic passed ${this.limits.fetchBytes} bytes (limit fetch_bytes).`));
    }
  }

  remainingBytes(): number {
    return Math.max(0, this.limits.fetchBytes - this.fetchBytes);
  }

  wallMs(): number {
    return performance.now() - this.startedAt;
  }
}
