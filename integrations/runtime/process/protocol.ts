import type { JsonLimits } from "../../../db/json";
import type { WireError } from "../errors";
import type { Limits } from "../limits";
import type { LogLevel, RunInfo, SandboxResult } from "../types";

/**
 * Messages between the host (parent) and a sandbox process (child), sent over Node's IPC channel as JSON
 * lines ("json" serialization). Not structured clone: V8's deserializer recurses, so one message nested a few
 * thousand deep threw a RangeError inside Node's channel reader in the worker, where nothing can catch it.
 * JSON.parse is iterative; what it builds is checked by process/check-message.ts before anything uses it.
 * So only JSON crosses: bytes to sign go as base64, and an absent value is an absent key.
 * Functions never cross: the child asks the parent to run a capability (`call`) and the parent answers
 * (`reply`). Bundles cross once per process: the child asks for a bundle it has not seen (`need-bundle`).
 */
export type ChildOptions = {
  allowLoopback: boolean;
  /** The parent has a custom resolver; the child asks it instead of using DNS. */
  remoteResolver: boolean;
  /** Restart (exit) when resident memory passes max(this, 256 MB + 2 × the heap limits in flight). */
  memoryCapMb: number;
  /** JUNCTION_JSON_MAX_DEPTH / _BYTES as the worker read them: the child's environment does not carry them. */
  json: JsonLimits;
};

export type WireJob = {
  bundleHash: string;
  integrationId: string;
  actionKey: string;
  input: unknown;
  connection?: Record<string, unknown>;
  permissions: { network: string[] };
  limits: Limits;
  run: RunInfo;
  capabilities: { store: boolean; log: boolean; secrets: boolean; crypto: boolean };
};

export type CallOp = "store.get" | "store.set" | "store.delete" | "secrets.getOrCreate" | "crypto.sign" | "crypto.publicKey" | "resolve";

export type ToChild =
  | { t: "run"; id: number; job: WireJob }
  | { t: "bundle"; id: number; source: string }
  | { t: "reply"; callId: number; ok: true; value: unknown }
  | { t: "reply"; callId: number; ok: false; guestMessage?: string }
  | { t: "cancel"; id: number };

export type FromChild =
  | { t: "ready" }
  | { t: "need-bundle"; id: number }
  /** `id` 0: not tied to one execution (DNS). crypto.sign's bytes are base64. */
  | { t: "call"; id: number; callId: number; op: CallOp; args: unknown[] }
  | { t: "log"; id: number; level: LogLevel; message: string; data: unknown }
  | { t: "done"; id: number; ok: true; result: SandboxResult }
  | { t: "done"; id: number; ok: false; error: WireError }
  /** Sent just before the child exits on purpose; `id` names the execution to blame, if there is one. */
  | { t: "dying"; id?: number; error: WireError };
