import type { JsonLimits } from "../../db/json";
import type { Limits } from "./limits";
import type { Resolver } from "./network/resolve";

export type LogLevel = "info" | "warn" | "error";

/** Host-side implementations the guest reaches through ctx.store / ctx.log. Values cross as copies. */
export type Capabilities = {
  store?: {
    get(key: string): Promise<unknown> | unknown;
    set(key: string, value: unknown): Promise<void> | void;
    delete(key: string): Promise<void> | void;
  };
  log?: (level: LogLevel, message: string, data: unknown) => void;
  /** ctx.secrets.getOrCreate(name): a per-installation random secret, created on first use, kept by the host. */
  secrets?: { getOrCreate(name: string): Promise<string> | string };
  /** ctx.crypto: Ed25519 with keys the host holds; only signatures and public keys (base64) cross. */
  crypto?: {
    sign(keyName: string, bytes: Uint8Array): Promise<string> | string;
    publicKey(keyName: string): Promise<string> | string;
  };
};

export type RunInfo = { runId: string; stepId: string; attempt: number; idempotencyKey: string };

export type ExecuteRequest = {
  /** The bundled integration (one classic script; see integrations/runtime/README.md for the format). */
  bundle: string;
  /** sha256 hex of `bundle`; the compile cache key. Checked against the bundle the first time it is seen. */
  bundleHash: string;
  integrationId: string;
  actionKey: string;
  input: unknown;
  connection?: Record<string, unknown>;
  /** Hosts the integration declared: exact names, `*.example.com` for subdomains, or `*` for any public host. */
  permissions: { network: string[] };
  limits?: Partial<Limits>;
  run: RunInfo;
  capabilities?: Capabilities;
  /** Cancels a queued or running execution (activity cancellation, worker shutdown). */
  signal?: AbortSignal;
};

export type Usage = {
  cpuMs: number;
  wallMs: number;
  /** Time spent waiting for a concurrency slot before the execution started (not part of wallMs). */
  queuedMs: number;
  heapPeakBytes: number;
  fetchCount: number;
  fetchBytes: number;
};

export type SandboxResult = { output: unknown; usage: Usage };

export type SandboxHostOptions = {
  /** Defaults for every execution; a request's own `limits` override them. */
  limits?: Partial<Limits>;
  /** Executions of one integration that may run at once (default 8). */
  maxConcurrentPerIntegration?: number;
  /** Executions of one integration that may wait for a slot (default 100); one more is rejected. */
  maxQueuedPerIntegration?: number;
  /** Let fetch reach 127.0.0.0/8 and ::1. Only for tests against a local server. */
  allowLoopbackForTests?: boolean;
  /** DNS override (tests); the default resolves with the operating system's resolver. */
  resolver?: Resolver;
  /** Sandbox processes (default 2). Each runs many isolates; a crash in one takes only its own executions. */
  processes?: number;
  /**
   * A sandbox process whose resident size passes max(this, 256 MB + 2 × the heap limits it is running) is
   * restarted (default 2048 MB): the backstop for memory V8 does not count against an isolate's limit.
   */
  processMemoryCapMb?: number;
  /** How long past an execution's wall limit the host waits before killing a wedged sandbox process (default 1000). */
  killGraceMs?: number;
  /**
   * Nesting depth and size limits for what an action hands out (output, log data, store values). Default: the
   * environment's (JUNCTION_JSON_MAX_DEPTH, JUNCTION_JSON_MAX_BYTES); an output's size is its own limit (outputBytes).
   */
  jsonLimits?: JsonLimits;
  /**
   * Told when a sandbox process ends without the host closing (killed from outside, out of memory, restarted at
   * its memory cap): the worker logs it. `running` steps failed with it; the next execution starts a new process.
   */
  onProcessExit?: (event: SandboxProcessExit) => void;
};

export type SandboxProcessExit = { pid: number | undefined; how: string; running: number };

export interface SandboxHost {
  execute(request: ExecuteRequest): Promise<SandboxResult>;
  /** Stops the sandbox processes; executions still running fail with SandboxCancelledError. */
  close(): Promise<void>;
}
