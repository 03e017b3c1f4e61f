/**
 * What an action (or trigger, or connection test) sees as `ctx`. It mirrors the sandbox contract
 * (integrations/runtime/README.md, "What the guest sees").
 */

export type HttpRequestInit = {
  method?: string;
  /** An object or [name, value] pairs; values are sent as given. */
  headers?: Record<string, string> | [string, string][];
  /** Only strings: the sandbox has no Blob/FormData/streams. */
  body?: string;
  redirect?: "follow" | "manual" | "error";
};

export type HttpResponse = {
  status: number;
  statusText: string;
  ok: boolean;
  redirected: boolean;
  url: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  text(): Promise<string>;
  json(): Promise<unknown>;
};

export type HttpClient = {
  /** Reaches only the hosts in `permissions.network`; counts against the fetch limits. */
  fetch(url: string, init?: HttpRequestInit): Promise<HttpResponse>;
};

/** Per-installation key/value store: JSON values up to 256 KB, keys up to 512 chars. */
export type Store = {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
};

export type Log = {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
};

/** Identifies this attempt of this step; `idempotencyKey` is stable across retries (send it to APIs that accept one). */
export type RunInfo = { runId: string; stepId: string; attempt: number; idempotencyKey: string };

/**
 * A per-installation secret (workspace × integration) created on first use, e.g. a webhook signing secret: 32
 * random bytes, base64url. The same name always returns the same value; the host keeps it sealed at rest.
 * Needs the "secrets" capability in the manifest.
 */
export type Secrets = { getOrCreate(name: string): Promise<string> };

/**
 * Ed25519 signing with a per-installation key the platform holds; the private key never enters the isolate.
 * `sign` returns the 64-byte signature as base64, `publicKey` the raw 32-byte public key as base64.
 * Needs the "crypto.sign" capability in the manifest.
 */
export type Signer = { sign(keyName: string, bytes: string | Uint8Array): Promise<string>; publicKey(keyName: string): Promise<string> };

/** Decrypted credentials of the step's connection, as the connection's fields define them. */
export type ConnectionValue = Record<string, unknown>;

export type ActionContext<I, C = ConnectionValue | undefined> = {
  input: I;
  connection: C;
  http: HttpClient;
  store: Store;
  log: Log;
  run: RunInfo;
  /** Rejects unless the manifest declares the "secrets" capability. */
  secrets: Secrets;
  /** Rejects unless the manifest declares the "crypto.sign" capability. */
  crypto: Signer;
};

/** The ctx the runtime hands the bundle; input is still unvalidated here. */
export type SandboxContext = ActionContext<unknown>;
