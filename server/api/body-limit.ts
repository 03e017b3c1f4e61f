import { depthViolation, jsonTextDepth, type JsonLimits } from "../../db/json";
import { readCappedBody } from "../../workflows/http/capped-body";

/**
 * The limits on a tRPC request, checked on the raw bytes before superjson parses anything: a 10 MB run input
 * used to hold a request for 40 s and fail in Temporal with a run left behind, and JSON 5,000 deep overflowed
 * superjson's recursion with "Maximum call stack size exceeded" shown to the user.
 */
export const TRPC_BODY_LIMIT_ENV = "JUNCTION_TRPC_MAX_BODY_BYTES";
export const DEFAULT_TRPC_MAX_BODY_BYTES = 2 * 1024 * 1024;
const RANGE = { min: 64 * 1024, max: 64 * 1024 * 1024 };

/**
 * Levels the tRPC envelope adds above a procedure's input: {"json": …} (1), a batch's {"0": …} (1), and
 * superjson's "meta" (whose paths are strings, so it adds little). The input itself is held to the shared limit.
 */
export const ENVELOPE_DEPTH = 4;

export function trpcBodyLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env[TRPC_BODY_LIMIT_ENV];
  if (raw === undefined || raw === "") return DEFAULT_TRPC_MAX_BODY_BYTES;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < RANGE.min || value > RANGE.max) throw new Error(`${TRPC_BODY_LIMIT_ENV} must be an integer from ${RANGE.min} to ${RANGE.max}; got "${raw}".`);
  return value;
}

export type BodyRead = { ok: true; text: string } | { ok: false; status: 413 | 400; message: string };

/**
 * Reads a request body up to `max` bytes: refused at once when Content-Length says it is bigger, and cut off
 * (the rest is never read) when a body without one runs past the limit.
 */
export async function readBodyCapped(req: Request, max: number): Promise<BodyRead> {
  const read = await readCappedBody(req, max);
  return read.ok ? { ok: true, text: new TextDecoder().decode(read.bytes) } : tooLarge(read.declared, max);
}

/** `bytes` is the declared size; null when the body had none and was cut off at the limit. */
function tooLarge(bytes: number | null, max: number): BodyRead {
  const size = bytes === null ? `is over the limit of ${describeBytes(max)}` : `is ${bytes} bytes, more than the limit of ${describeBytes(max)}`;
  return { ok: false, status: 413, message: `Request body ${size} (${TRPC_BODY_LIMIT_ENV}).` };
}

/** 2097152 → "2 MiB"; sizes that are not whole MiB or KiB stay in bytes. */
export function describeBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** JSON text nested deeper than the shared limit allows (plus the envelope), by message; null when within it. */
export function depthProblem(text: string, limits: JsonLimits, what: string): string | null {
  const allowed = limits.maxDepth + ENVELOPE_DEPTH;
  return jsonTextDepth(text, allowed) > allowed ? depthViolation(what, limits.maxDepth).message : null;
}
