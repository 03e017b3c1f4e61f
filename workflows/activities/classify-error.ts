import {
  SandboxCancelledError,
  SandboxConfigError,
  SandboxCrashError,
  SandboxError,
  SandboxGuestError,
  SandboxLimitError,
  SandboxNetworkError,
  type NetworkFailureKind,
} from "../../integrations/runtime";
import { ActionError } from "./executor";

/**
 * Why a step attempt failed, in the few kinds that decide whether running it again can help. The run view
 * names the kind (app/(app)/w/[workspaceId]/_runs/failure-note.ts); run_steps.error_category stores it.
 */
export type FailureCategory =
  | "user_code" // the action's (or the user's) code threw: the same code with the same input throws again
  | "validation" // the step's input is not what the action accepts
  | "network_permanent" // the host does not exist, refuses connections, or the fetch guard refused it
  | "network_transient" // a reset connection, a hang-up, a DNS server that did not answer now
  | "timeout"
  | "rate_limited" // 429
  | "upstream_5xx"
  | "upstream_4xx" // any other error status: the request will be refused again
  | "declared_retryable" // the action said its own error may pass (the SDK's RetryableError)
  | "limit" // a sandbox limit (output, heap, CPU, …): the same code hits it again
  | "busy" // the sandbox's queue is full: back-pressure, not this step's fault
  | "crash" // the sandbox process died under this step, or the worker failed in a way it did not expect
  | "auth" // the service rejected the connection's credentials
  | "config" // the integration, action or connection cannot be used as configured
  | "cancelled";

export type StepFailure = {
  retryable: boolean;
  category: FailureCategory;
  /** A short phrase for the run view ("connection reset", "the service answered 503"). */
  reason: string;
  /** Wait at least this long before the next attempt (a Retry-After the service sent). */
  retryAfterMs?: number;
};

/** A Retry-After longer than this is capped: a step should not sleep for days on a server's say-so. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** Guest errors the SDK's own glue throws, which fail the same way on every attempt. */
const SDK_PERMANENT: Record<string, Omit<StepFailure, "retryable">> = {
  InputValidationError: { category: "validation", reason: "the step's input does not match the action's input schema" },
  OutputValidationError: { category: "user_code", reason: "the action returned an output its own schema rejects" },
  ConnectionError: { category: "config", reason: "the step's connection is missing or incomplete" },
  AuthenticationError: { category: "auth", reason: "the service rejected the connection's credentials" },
  UnknownEntryError: { category: "config", reason: "the integration does not define this action" },
  ActionNotFound: { category: "config", reason: "the integration does not define this action" },
};

/** The types of ActionErrors the engine itself throws (built-in actions, the executors), by what they mean. */
const ACTION_ERROR_TYPES: Record<string, Omit<StepFailure, "retryable">> = {
  MappingError: { category: "validation", reason: "the step's input mapping failed" },
  ValidationError: { category: "validation", reason: "the step's input is invalid" },
  ResponseTooLarge: { category: "limit", reason: "the response was too large" },
  UnknownAction: { category: "config", reason: "the action does not exist" },
  IntegrationUnavailable: { category: "config", reason: "the integration version cannot run" },
  ConnectionError: { category: "config", reason: "the step's connection cannot be used" },
  AuthenticationError: { category: "auth", reason: "the service rejected the connection's credentials" },
  StepTimeout: { category: "timeout", reason: "the attempt ran past the step's timeout" },
  NetworkError: { category: "network_transient", reason: "the request failed on the network" },
};

/**
 * The one place that decides whether a failed step attempt is worth retrying, and says why. Whatever the
 * executors throw (sandbox errors, ActionErrors, anything else) comes through here; the step activity turns the
 * answer into a (non-)retryable Temporal failure and records it on the step row.
 */
export function classifyStepError(err: unknown): StepFailure {
  if (err instanceof ActionError) return err.failure ?? fromActionType(err);
  if (err instanceof SandboxError) return fromSandbox(err);
  // Not an error we know: a bug or an outage in the worker (Postgres down while loading the version). The step
  // did nothing wrong that we know of, so it may pass on the next attempt.
  return { retryable: true, category: "crash", reason: "the worker failed unexpectedly" };
}

function fromActionType(err: ActionError): StepFailure {
  const known = ACTION_ERROR_TYPES[err.type];
  if (known) return { ...known, retryable: err.retryable };
  return err.retryable
    ? { retryable: true, category: "declared_retryable", reason: `the action reported a retryable ${err.type}` }
    : { retryable: false, category: "user_code", reason: `the action reported ${err.type}` };
}

function fromSandbox(err: SandboxError): StepFailure {
  if (err instanceof SandboxGuestError) return fromGuest(err);
  if (err instanceof SandboxLimitError) {
    // A full queue is back-pressure: retry later. Every other limit fails the same way again.
    if (err.limit === "concurrency") return { retryable: true, category: "busy", reason: "the sandbox was busy" };
    return { retryable: false, category: "limit", reason: `the ${err.limit.replace("_", " ")} limit was exceeded` };
  }
  if (err instanceof SandboxNetworkError) return { retryable: false, category: "network_permanent", reason: "the sandbox's network policy refused the request" };
  if (err instanceof SandboxCrashError) return { retryable: true, category: "crash", reason: "the sandbox process stopped under this step" };
  if (err instanceof SandboxCancelledError) return { retryable: true, category: "cancelled", reason: "the attempt was cancelled" };
  if (err instanceof SandboxConfigError) return { retryable: false, category: "config", reason: "the sandbox refused the request as configured" };
  return { retryable: err.retryable, category: "crash", reason: "the sandbox failed" };
}

/**
 * The guest's own throw. What the host saw on the network wins (the guest rethrew the host's error); then the
 * SDK's permanent errors; then what the action declared about its own error; else it is the code's fault.
 */
function fromGuest(err: SandboxGuestError): StepFailure {
  if (err.network) return fromNetwork(err.network);
  const sdk = SDK_PERMANENT[err.guestName];
  if (sdk) return { ...sdk, retryable: false };
  const declared = err.declared ?? {};
  const status = declared.status;
  const retryable = declared.retryable ?? (status !== undefined && (status === 429 || status >= 500));
  const wait = retryable && declared.retryAfterMs !== undefined ? { retryAfterMs: Math.min(declared.retryAfterMs, MAX_RETRY_AFTER_MS) } : {};
  if (status !== undefined) {
    const category = status === 429 ? "rate_limited" : status >= 500 ? "upstream_5xx" : "upstream_4xx";
    return { retryable, category, reason: `the service answered ${status}`, ...wait };
  }
  if (retryable) return { retryable, category: "declared_retryable", reason: `the action marked its ${err.guestName} retryable`, ...wait };
  return { retryable: false, category: "user_code", reason: declared.retryable === false ? `the action marked its ${err.guestName} permanent` : "the step's code threw an error" };
}

const NETWORK: Record<NetworkFailureKind, StepFailure> = {
  dns_not_found: { retryable: false, category: "network_permanent", reason: "the host name does not resolve" },
  refused: { retryable: false, category: "network_permanent", reason: "the host refused the connection" },
  tls: { retryable: false, category: "network_permanent", reason: "the TLS handshake failed" },
  dns_temporary: { retryable: true, category: "network_transient", reason: "DNS did not answer" },
  reset: { retryable: true, category: "network_transient", reason: "connection reset" },
  other: { retryable: true, category: "network_transient", reason: "the request failed on the network" },
  timeout: { retryable: true, category: "timeout", reason: "the connection timed out" },
};

function fromNetwork(kind: NetworkFailureKind): StepFailure {
  return { ...NETWORK[kind] };
}
