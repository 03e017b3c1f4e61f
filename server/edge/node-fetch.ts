import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/**
 * Between node:http and the fetch-style handlers the Next.js routes call (handleWebhook, the app-webhook
 * handler), so a plain HTTP server can run the same code. The caller IP is passed in, never read from the
 * request: X-Forwarded-For from a client is whatever the client wants it to be.
 */
export function toRequest(req: IncomingMessage, clientIp: string | undefined): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  if (clientIp) headers.set("x-forwarded-for", clientIp);
  else headers.delete("x-forwarded-for");
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
}

/** Writes a fetch Response (small JSON answers here: buffered, so Content-Length is exact). */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((v, k) => {
    if (k !== "set-cookie") res.setHeader(k, v);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.length);
  res.end(body);
}

/** The peer's address, without the IPv4-mapped prefix a dual-stack socket adds ("::ffff:203.0.113.7"). */
export function peerAddress(req: IncomingMessage): string | undefined {
  const a = req.socket.remoteAddress;
  return a?.startsWith("::ffff:") ? a.slice(7) : a;
}
