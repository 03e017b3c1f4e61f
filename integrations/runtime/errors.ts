/**
 * The typed failures of one sandboxed execution. The activity maps them to Temporal: `retryable: false` becomes a
 * non-retryable ApplicationFailure. Messages are written for the person reading the run view; they never carry a
 * host stack trace or host paths.
 */
import type { Usage } from "./types";

/** "depth": a JSON value the action made (output, log data, store value) nested deeper than JUNCTION_JSON_MAX_DEPTH. */
export type LimitName = "heap" | "cpu" | "wall" | "output" | "depth" | "fetch_count" | "fetch_bytes" | "concurrency";

export type SandboxErrorCode = "limit" | "guest" | "network" | "crash" | "cancelled" | "config" | "protocol";

export abstract class SandboxError extends Error {
  abstract readonly code: SandboxErrorCode;
  /** Whether running the same step again could succeed. */
  abstract readonly retryable: boolean;
  /** What the execution used before it failed (absent when it never started), for the step record. */
  usage?: Usage;
}

/** A per-execution limit was exceeded. Never retryable: the same code with the same limit fails again. */
export class SandboxLimitError extends SandboxError {
  override name = "SandboxLimitError";
  readonly code = "limit";
  readonly retryable = false;
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How a fetch failed on the network (not a policy refusal), as the host saw it: the guest is shown a TypeError,
 * and when it throws that same error on, the step's retry decision uses this instead of the guest's word.
 */
export type NetworkFailureKind = "dns_not_found" | "dns_temporary" | "refused" | "reset" | "timeout" | "tls" | "other";

/**
 * What the guest said about its own error (the SDK's RetryableError / PermanentError, or an error carrying
 * `retryable`, `retryAfterMs`, `status`): a hint about that error only, never about a limit or a refusal.
 */
export type GuestDeclaration = { retryable?: boolean; retryAfterMs?: number; status?: number };

/**
 * The integration's own code threw (or failed to load). Not retryable by default: the same code with the same
 * input throws again. The step activity's classification (workflows/activities/classify-error.ts) retries it
 * when the guest declared it retryable or it is a transient network failure the host itself saw.
 */
export class SandboxGuestError extends SandboxError {
  override name = "SandboxGuestError";
  readonly code = "guest";
  readonly retryable = false;
  constructor(
    /** The `name` of what the guest threw, e.g. "TypeError"; only a label, never a host class. */
    readonly guestName: string,
    message: string,
    readonly declared?: GuestDeclaration,
    /** Set by the host when the guest threw the very error a failed fetch of this execution showed it. */
    public network?: NetworkFailureKind,
  ) {
    super(message);
  }
}

/** Why the fetch guard refused a request. */
export type NetworkRefusal = "scheme" | "credentials" | "permission" | "address";

/** The fetch guard refused a request (undeclared host, private address, …). A policy decision: not retryable. */
export class SandboxNetworkError extends SandboxError {
  override name = "SandboxNetworkError";
  readonly code = "network";
  readonly retryable = false;
  constructor(
    readonly reason: NetworkRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The sandbox process running this execution died because of another execution (or was killed while wedged).
 * Retryable: this step did nothing wrong that we know of.
 */
export class SandboxCrashError extends SandboxError {
  override name = "SandboxCrashError";
  readonly code = "crash";
  readonly retryable = true;
}

/** The caller's AbortSignal fired (activity cancelled, worker shutting down). */
export class SandboxCancelledError extends SandboxError {
  override name = "SandboxCancelledError";
  readonly code = "cancelled";
  readonly retryable = true;
}

/** The request itself is invalid (limits out of range, bundle hash mismatch, input not copyable). */
export class SandboxConfigError extends SandboxError {
  override name = "SandboxConfigError";
  readonly code = "config";
  readonly retryable = false;
}

/**
 * The sandbox process sent the host a message that breaks the protocol (wrong shape, unknown operation). Our
 * own child never does, so the process is no longer trusted: it is killed, and the execution the message named
 * fails. Not retryable: whatever made the process misbehave would do it again.
 */
export class SandboxProtocolError extends SandboxError {
  override name = "SandboxProtocolError";
  readonly code = "protocol";
  readonly retryable = false;
}

/**
 * Thrown by a capability implementation (ctx.store …) when its message is meant for the integration, e.g.
 * "value too large". Any other error from a capability reaches the guest only as "ctx.store failed.".
 */
export class SandboxCapabilityError extends Error {
  override name = "CapabilityError";
}

/** The plain-data form of a SandboxError, for crossing the process boundary. */
export type WireError = { message: string; usage?: Usage } & (
  | { code: "limit"; limit: LimitName }
  | { code: "guest"; guestName: string; declared?: GuestDeclaration; network?: NetworkFailureKind }
  | { code: "network"; reason: NetworkRefusal }
  | { code: "crash" | "cancelled" | "config" }
);

export function toWire(error: unknown): WireError {
  if (!(error instanceof SandboxError)) {
    // Anything else is a bug in the runtime; say so without leaking its details into the step record.
    return { code: "crash", message: "The sandbox failed unexpectedly." };
  }
  const base = { message: error.message, usage: error.usage };
  if (error instanceof SandboxLimitError) return { ...base, code: "limit", limit: error.limit };
  if (error instanceof SandboxGuestError) return { ...base, code: "guest", guestName: error.guestName, declared: error.declared, network: error.network };
  if (error instanceof SandboxNetworkError) return { ...base, code: "network", reason: error.reason };
  // A protocol error is the parent's verdict on the child; it never crosses back, so "crash" is only a fallback.
  return { ...base, code: (error.code === "protocol" ? "crash" : error.code) as "crash" | "cancelled" | "config" };
}

export function fromWire(wire: WireError): SandboxError {
  const error = build(wire);
  if (wire.usage) error.usage = wire.usage;
  return error;
}

function build(wire: WireError): SandboxError {
  switch (wire.code) {
    case "limit":
      return new SandboxLimitError(wire.limit, wire.message);
    case "guest":
      return new SandboxGuestError(wire.guestName, wire.message, wire.declared, wire.network);
    case "network":
      return new SandboxNetworkError(wire.reason, wire.message);
    case "cancelled":
      return new SandboxCancelledError(wire.message);
    case "config":
      return new SandboxConfigError(wire.message);
    default:
      return new SandboxCrashError(wire.message);
  }
}
