import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { ResolvedAddress } from "./resolve";

export type HopRequest = { url: URL; method: string; headers: Record<string, string>; body?: Buffer };
export type HopResponse = { status: number; statusText: string; headers: Record<string, string>; body: Buffer };

/** The response (or request) body would exceed the execution's remaining byte budget. */
export class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
}

/**
 * One HTTP exchange with no redirect following, connected to `pinned` whatever DNS says now: the custom
 * `lookup` answers with the address the policy already checked (the Host header and TLS name stay the
 * hostname). A fresh agent per request: no socket reuse across pinned addresses, and no proxy settings
 * picked up from the environment. The body is read as a stream and abandoned once it passes `maxBodyBytes`.
 */
export function httpHop(request: HopRequest, pinned: ResolvedAddress, maxBodyBytes: number, signal: AbortSignal): Promise<HopResponse> {
  const family = isIP(pinned.address) === 6 ? 6 : 4;
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family }]);
    else callback(null, pinned.address, family);
  };
  const client = request.url.protocol === "https:" ? https : http;
  return new Promise<HopResponse>((resolve, reject) => {
    const req = client.request(request.url, { method: request.method, headers: request.headers, lookup, agent: false, signal });
    req.on("error", reject);
    req.on("response", (res) => {
      readBody(res, maxBodyBytes).then(
        (body) => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: flatten(res.headers), body }),
        (error: unknown) => {
          req.destroy();
          reject(error);
        },
      );
    });
    req.end(request.body);
  });
}

async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of decode(res)) {
    total += (chunk as Buffer).length;
    // Decoded bytes are counted, so a small gzip bomb cannot expand past the budget.
    if (total > maxBytes) throw new BudgetExceeded(`response body passed the remaining ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/** We ask for identity encoding; a server that compresses anyway is decoded rather than handed over as bytes. */
function decode(res: IncomingMessage): Readable {
  const encoding = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip" ? createGunzip() : encoding === "deflate" ? createInflate() : encoding === "br" ? createBrotliDecompress() : null;
  // pipeline (not pipe) so a socket error or a corrupt stream reaches the reader instead of hanging it.
  return decoder ? pipeline(res, decoder, () => {}) : res;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
