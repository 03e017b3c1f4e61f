import type { GuestDeclaration, LimitName, NetworkFailureKind, NetworkRefusal, WireError } from "../errors";
import type { LogLevel, Usage } from "../types";
import type { CallOp, FromChild } from "./protocol";

/**
 * The shape check of every message a sandbox process sends, before the parent acts on it. Our child only sends
 * well-formed messages; a child whose isolate was escaped can send anything, and the parent (the worker, with
 * the database and the vault keys) must neither throw nor trust a field it did not check. Returns the message,
 * re-built from checked fields only, or the problem. Values the guest made (output, log data, call arguments)
 * are only typed here; their depth and size are the caller's check, which knows the execution's limits.
 */
export function checkFromChild(raw: unknown): FromChild | string {
  if (!isRecord(raw) || typeof raw.t !== "string") return "a message that is not an object with a type";
  switch (raw.t) {
    case "ready":
      return { t: "ready" };
    case "need-bundle":
      return isId(raw.id) ? { t: "need-bundle", id: raw.id } : "need-bundle without an execution id";
    case "dying": {
      const error = checkWireError(raw.error);
      if (typeof error === "string") return error;
      if (raw.id !== undefined && !isId(raw.id)) return "dying with a bad execution id";
      return { t: "dying", id: raw.id as number | undefined, error };
    }
    case "call": {
      if (!isId(raw.id, true) || !isId(raw.callId)) return "a call without ids";
      if (typeof raw.op !== "string" || !CALL_OPS.has(raw.op as CallOp)) return "a call of an unknown operation";
      if (!Array.isArray(raw.args) || raw.args.length > 3) return "a call whose arguments are not a short list";
      return { t: "call", id: raw.id, callId: raw.callId, op: raw.op as CallOp, args: raw.args as unknown[] };
    }
    case "log":
      if (!isId(raw.id) || !LOG_LEVELS.has(raw.level as LogLevel) || typeof raw.message !== "string") return "a malformed log line";
      return { t: "log", id: raw.id, level: raw.level as LogLevel, message: raw.message.slice(0, 8192), data: raw.data };
    case "done": {
      if (!isId(raw.id) || typeof raw.ok !== "boolean") return "a result without an execution id";
      if (!raw.ok) {
        const error = checkWireError(raw.error);
        return typeof error === "string" ? error : { t: "done", id: raw.id, ok: false, error };
      }
      if (!isRecord(raw.result) || !isRecord(raw.result.usage)) return "a result without output and usage";
      return { t: "done", id: raw.id, ok: true, result: { output: raw.result.output, usage: checkUsage(raw.result.usage) } };
    }
    default:
      return "a message of an unknown type";
  }
}

const CALL_OPS = new Set<CallOp>(["store.get", "store.set", "store.delete", "secrets.getOrCreate", "crypto.sign", "crypto.publicKey", "resolve"]);
const LOG_LEVELS = new Set<LogLevel>(["info", "warn", "error"]);
const LIMITS = new Set<LimitName>(["heap", "cpu", "wall", "output", "depth", "fetch_count", "fetch_bytes", "concurrency"]);
const REFUSALS = new Set<NetworkRefusal>(["scheme", "credentials", "permission", "address"]);
const NETWORK_FAILURES = new Set<NetworkFailureKind>(["dns_not_found", "dns_temporary", "refused", "reset", "timeout", "tls", "other"]);
const USAGE_KEYS = ["cpuMs", "wallMs", "queuedMs", "heapPeakBytes", "fetchCount", "fetchBytes"] as const;

function checkWireError(raw: unknown): WireError | string {
  if (!isRecord(raw) || typeof raw.message !== "string") return "an error without a message";
  const base = { message: raw.message.slice(0, 2000), ...(isRecord(raw.usage) ? { usage: checkUsage(raw.usage) } : {}) };
  switch (raw.code) {
    case "limit":
      return LIMITS.has(raw.limit as LimitName) ? { ...base, code: "limit", limit: raw.limit as LimitName } : "a limit error naming no known limit";
    case "guest":
      if (typeof raw.guestName !== "string") return "a guest error without a name";
      return { ...base, code: "guest", guestName: raw.guestName.slice(0, 100), ...checkDeclared(raw.declared), ...(NETWORK_FAILURES.has(raw.network as NetworkFailureKind) ? { network: raw.network as NetworkFailureKind } : {}) };
    case "network":
      return REFUSALS.has(raw.reason as NetworkRefusal) ? { ...base, code: "network", reason: raw.reason as NetworkRefusal } : "a network error with an unknown reason";
    case "crash":
    case "cancelled":
    case "config":
      return { ...base, code: raw.code };
    default:
      return "an error of an unknown kind";
  }
}

/** The guest's word on its error, only in the shapes engine/result.ts lets through; anything else is dropped. */
function checkDeclared(raw: unknown): { declared?: GuestDeclaration } {
  if (!isRecord(raw)) return {};
  const declared: GuestDeclaration = {};
  if (typeof raw.retryable === "boolean") declared.retryable = raw.retryable;
  if (typeof raw.retryAfterMs === "number" && raw.retryAfterMs >= 0 && raw.retryAfterMs <= 86_400_000) declared.retryAfterMs = raw.retryAfterMs;
  if (Number.isInteger(raw.status) && (raw.status as number) >= 100 && (raw.status as number) <= 599) declared.status = raw.status as number;
  return Object.keys(declared).length ? { declared } : {};
}

/** Usage figures are numbers or 0: they land in the step record as they are. */
function checkUsage(raw: Record<string, unknown>): Usage {
  const usage = {} as Usage;
  for (const key of USAGE_KEYS) {
    const value = raw[key];
    usage[key] = typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
  }
  return usage;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Execution and call ids are positive safe integers; `zero` allows id 0 (a call tied to no execution: DNS). */
function isId(value: unknown, zero = false): value is number {
  return Number.isSafeInteger(value) && ((value as number) > 0 || (zero && value === 0));
}
