/**
 * What must never reach a log line: passwords, hashes, tokens, secrets, keys, cookies, connection credentials,
 * and the parameters of a failed SQL statement (drizzle's DrizzleQueryError carries them as `params` and repeats
 * them in its message, "Failed query: … params: …"; a failed sign-up's insert holds the password hash). One
 * redactor for every logger (server/log.ts, the worker's lines, scripts), in the lowest floor so all can use it.
 *
 * Redaction is by key (at any depth, any spelling: `passwordHash`, `password_hash`, `x-api-key`), by SQL parameter
 * (an error's `params` and the message's params tail), and by pattern in text (credentials in a URL, the values in
 * Postgres's "Key (col)=(value)" details). Errors become plain objects (type, message, stack, code, cause chain).
 * The walk is iterative and bounded: a log call never recurses through or stalls on a hostile value.
 */
export const REDACTED = "[redacted]";

// Matched against the key lowercased with everything but letters and digits removed.
const SECRET_KEY =
  /(password|passwd|passphrase|secret|token|apikey|authorization|cookie|credentials?|hash|ciphertext|privatekey|signingkey|vaultkeys?|payloadkey|codeverifier|sessionid|jwt)$/;
const MAX_NODES = 2_000;
const MAX_DEPTH = 24;
const MAX_STRING = 8_192;

/** Whether a key names something secret: the value under it is never logged. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

/** Text with the secrets a message can hold taken out: SQL parameters, URL credentials, values in key details. */
export function redactLogText(text: string, paramCount?: number): string {
  let out = text
    // DrizzleQueryError: "Failed query: <sql>\nparams: <values>" — the values run to the end of the message.
    .replace(/(\nparams: )(?!\[redacted)[\s\S]*$/, (_m, head: string) => `${head}[redacted${paramCount === undefined ? "" : ` ${paramCount} params`}]`)
    // scheme://user:password@host
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]*@/gi, `$1${REDACTED}@`)
    // Postgres details quote the values: "Key (email)=(ada@example.com) already exists.", "Failing row contains (…)."
    .replace(/(Key \(.*?\)=)\([^\n]*\)/g, `$1(${REDACTED})`)
    .replace(/(Failing row contains )\([\s\S]*\)/g, `$1(${REDACTED})`);
  if (out.length > MAX_STRING) out = `${out.slice(0, MAX_STRING)}…[truncated]`;
  return out;
}

type Task = { value: unknown; target: Record<string, unknown> | unknown[]; key: string | number; depth: number; params?: number };

/** A copy of a value (or error) fit for a log line. Never throws, never recurses. */
export function redactForLog(value: unknown): unknown {
  const holder: Record<string, unknown> = {};
  const stack: Task[] = [{ value, target: holder, key: "v", depth: 0 }];
  const seen = new WeakSet<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, target, key, depth, params } = stack.pop()!;
    const put = (v: unknown) => ((target as Record<string | number, unknown>)[key] = v);
    if (typeof current === "string") {
      put(redactLogText(current, params));
      continue;
    }
    if (current === null || typeof current !== "object") {
      put(typeof current === "function" || typeof current === "symbol" ? undefined : typeof current === "bigint" ? String(current) : current);
      continue;
    }
    if (seen.has(current)) {
      put("[circular]");
      continue;
    }
    if (++nodes > MAX_NODES || depth >= MAX_DEPTH) {
      put("[truncated]");
      continue;
    }
    seen.add(current);
    if (current instanceof Date || isBytes(current)) {
      put(current instanceof Date ? current.toISOString() : `[${(current as { length: number }).length} bytes]`);
      continue;
    }
    if (Array.isArray(current)) {
      const copy: unknown[] = new Array(Math.min(current.length, MAX_NODES));
      for (let i = copy.length - 1; i >= 0; i--) stack.push({ value: current[i], target: copy, key: i, depth: depth + 1 });
      put(copy);
      continue;
    }
    const copy: Record<string, unknown> = {};
    const entries = current instanceof Error ? errorEntries(current) : Object.entries(current);
    // The parameter count, so a query error's message can say how many were taken out.
    const sqlParams = Array.isArray((current as { params?: unknown }).params) ? ((current as { params: unknown[] }).params.length) : undefined;
    for (const [k, v] of entries) {
      Object.defineProperty(copy, k, { value: undefined, writable: true, enumerable: true, configurable: true });
      if (isSecretKey(k)) copy[k] = v === null || v === undefined ? v : REDACTED;
      else if (k === "params" || k === "parameters") copy[k] = Array.isArray(v) ? `[redacted ${v.length} params]` : REDACTED;
      else stack.push({ value: v, target: copy, key: k, depth: depth + 1, params: sqlParams });
    }
    put(copy);
  }
  return holder.v;
}

/** An error's loggable fields: its name and message, stack, and own fields (code, detail, params, cause, …). */
function errorEntries(err: Error): [string, unknown][] {
  const entries: [string, unknown][] = [["type", err.name]];
  for (const k of Object.getOwnPropertyNames(err)) {
    if (k === "stack" || k === "name") continue;
    entries.push([k, (err as unknown as Record<string, unknown>)[k]]);
  }
  // The stack's first line repeats the message: it gets the message's redaction (which knows the parameter count),
  // then the whole stack goes through the same text redaction.
  if (typeof err.stack === "string") {
    const params = (err as { params?: unknown }).params;
    entries.push(["stack", err.stack.replace(err.message, redactLogText(err.message, Array.isArray(params) ? params.length : undefined))]);
  }
  return entries;
}

// Buffer is a Node global; db/ code also runs where it may not exist, so it is looked up, not imported.
function isBytes(value: object): boolean {
  const B = (globalThis as { Buffer?: { isBuffer(v: unknown): boolean } }).Buffer;
  return value instanceof Uint8Array || (B ? B.isBuffer(value) : false);
}
