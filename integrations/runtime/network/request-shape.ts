import type { NetworkFailureKind } from "../errors";

/**
 * Turns the guest's (untrusted, already copied) fetch arguments into a request we are willing to send. Problems
 * here are the guest's programming errors, so they surface in the guest as a TypeError it may catch.
 */
export class FetchFailure extends Error {
  override name = "TypeError";
  constructor(
    message: string,
    /** Set for failures on the network (DNS, connect, reset, timeout); absent for a request we refused to send. */
    readonly network?: NetworkFailureKind,
  ) {
    super(message);
  }
}

export type FetchInit = { method?: unknown; headers?: unknown; body?: unknown; redirect?: unknown };
export type RedirectMode = "follow" | "manual" | "error";
export type ShapedRequest = { method: string; headers: Record<string, string>; body?: Buffer; redirect: RedirectMode };

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Connection management and framing belong to us, not to the integration; smuggling starts here.
const FORBIDDEN = new Set([
  "host", "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "content-length",
  "accept-encoding", "expect", "proxy-authorization", "proxy-connection",
]);
const MAX_HEADER_BYTES = 64 * 1024;

export function shapeRequest(init: FetchInit | undefined): ShapedRequest {
  const method = String(init?.method ?? "GET").toUpperCase();
  if (!METHODS.has(method)) throw new FetchFailure(`fetch: method ${method.slice(0, 20)} is not allowed`);
  const headers = shapeHeaders(init?.headers);
  const redirect = init?.redirect === undefined ? "follow" : String(init.redirect);
  if (redirect !== "follow" && redirect !== "manual" && redirect !== "error") throw new FetchFailure(`fetch: redirect must be follow, manual or error`);
  let body: Buffer | undefined;
  if (init?.body !== undefined && init.body !== null) {
    if (typeof init.body !== "string") throw new FetchFailure("fetch: body must be a string (JSON.stringify objects first)");
    if (method === "GET" || method === "HEAD") throw new FetchFailure(`fetch: a ${method} request cannot have a body`);
    body = Buffer.from(init.body, "utf8");
  }
  headers["accept-encoding"] = "identity";
  headers["user-agent"] ??= "Junction-Integration/1";
  if (body) headers["content-length"] = String(body.length);
  return { method, headers, body, redirect };
}

function shapeHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined || raw === null) return out;
  const entries: unknown[] = Array.isArray(raw) ? raw : typeof raw === "object" ? Object.entries(raw) : [raw];
  let size = 0;
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2) throw new FetchFailure("fetch: headers must be an object or [name, value] pairs");
    const name = String(entry[0]).toLowerCase();
    const value = String(entry[1]);
    if (!TOKEN.test(name)) throw new FetchFailure(`fetch: invalid header name ${JSON.stringify(name.slice(0, 40))}`);
    if (/[\r\n\0]/.test(value)) throw new FetchFailure(`fetch: header ${name} contains a line break`);
    if (FORBIDDEN.has(name) || name.startsWith("proxy-")) continue;
    size += name.length + value.length;
    if (size > MAX_HEADER_BYTES) throw new FetchFailure("fetch: request headers are larger than 64 KB");
    out[name] = value;
  }
  return out;
}
