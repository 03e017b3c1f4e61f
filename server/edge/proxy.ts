import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { BlockList } from "node:net";
import { callerOf } from "./client";
import { renderErrorPage, wantsHtml } from "./error-page";

export type Upstream = { host: string; port: number };

// Hop-by-hop (RFC 9110 §7.6.1): they describe one connection, not the message, so they are not forwarded.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization"]);

/**
 * The request headers as the upstream should see them. X-Forwarded-For/-Proto/-Host are overwritten with the
 * caller (client.ts), not appended to: from anyone but a trusted proxy, whatever a client put there is forged. The
 * upstream listens on loopback only, so these headers reach it from the edge alone and it may trust them.
 */
export function forwardedHeaders(req: IncomingMessage, keep: string[] = [], trusted: BlockList | null = null): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) || keep.includes(k)) out[k] = v;
  const caller = callerOf(req, trusted);
  if (caller.ip) out["x-forwarded-for"] = caller.ip;
  else delete out["x-forwarded-for"];
  out["x-forwarded-proto"] = caller.proto;
  // Else Next.js fills in its own (loopback) port.
  if (caller.port) out["x-forwarded-port"] = caller.port;
  else delete out["x-forwarded-port"];
  if (caller.host) out["x-forwarded-host"] = caller.host;
  else delete out["x-forwarded-host"];
  return out;
}

function responseHeaders(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  return out;
}

const RETRY_AFTER_S = 5;

/**
 * The web app gave no answer. Refused means it is not listening (starting, or restarting after a crash: npm start
 * brings it back), so 503 with Retry-After; anything else (reset, broken mid-answer) is 502. A browser gets an HTML
 * page saying so, an API client JSON (error-page.ts).
 */
function badGateway(req: IncomingMessage, res: ServerResponse, upstream: Upstream, err: Error): void {
  if (res.headersSent) {
    res.destroy(err); // mid-body: the client must see a broken response, not a short one that looks whole
    return;
  }
  const code = (err as NodeJS.ErrnoException).code ?? err.message;
  const refused = code === "ECONNREFUSED";
  const status = refused ? 503 : 502;
  const headers: Record<string, string | number> = { "cache-control": "no-store" };
  if (refused) headers["retry-after"] = RETRY_AFTER_S;
  let body: string;
  if (wantsHtml(req)) {
    body = renderErrorPage({
      status,
      title: refused ? "Junction is starting up" : "Junction is not answering",
      what: refused
        ? "The web app is not running right now: it is starting, or restarting after a crash."
        : `The web app broke off its answer (${code}).`,
      todo: refused
        ? `This page tries again every ${RETRY_AFTER_S} seconds. If it keeps showing, look at the terminal running npm start, or .data/logs/.`
        : "Try again. If it keeps happening, look at the terminal running npm start, or .data/logs/.",
      retryAfterS: refused ? RETRY_AFTER_S : undefined,
    });
    headers["content-type"] = "text/html; charset=utf-8";
  } else {
    body = JSON.stringify({ error: `The web app is not answering (upstream ${upstream.host}:${upstream.port}: ${code}); it may be starting or have stopped.` });
    headers["content-type"] = "application/json";
  }
  headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * A streaming reverse proxy to one upstream: method, path and query, headers and status are passed through
 * as they are (redirects included: they are the browser's to follow), bodies are piped both ways without
 * buffering (server-sent events and uploads stream), and websocket upgrades are spliced through.
 */
export function createProxy(upstream: Upstream, trusted: BlockList | null = null) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  function request(req: IncomingMessage, res: ServerResponse): void {
    const up = http.request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers: forwardedHeaders(req, [], trusted), agent });
    up.on("response", (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, responseHeaders(upRes.rawHeaders));
      res.flushHeaders(); // an event stream's headers must not wait for its first event
      upRes.pipe(res);
      upRes.on("error", (err) => res.destroy(err));
    });
    up.on("error", (err) => badGateway(req, res, upstream, err));
    // The client went away before the answer was complete: stop the upstream work too.
    res.on("close", () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const up = http.request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers: forwardedHeaders(req, ["connection", "upgrade"], trusted) });
    up.on("upgrade", (upRes, upSocket, upHead) => {
      const lines = [`HTTP/1.1 ${upRes.statusCode} ${upRes.statusMessage}`];
      for (let i = 0; i < upRes.rawHeaders.length; i += 2) lines.push(`${upRes.rawHeaders[i]}: ${upRes.rawHeaders[i + 1]}`);
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (upHead.length) socket.write(upHead);
      if (head.length) upSocket.write(head);
      upSocket.pipe(socket).pipe(upSocket);
      // pipe() passes an orderly end on; an error or a reset on either side tears down both.
      upSocket.on("close", () => socket.destroy());
      socket.on("close", () => upSocket.destroy());
      upSocket.on("error", () => socket.destroy());
      socket.on("error", () => upSocket.destroy());
    });
    // Upstream refused the upgrade with an ordinary answer: pass it on and close.
    up.on("response", (upRes) => {
      const lines = [`HTTP/1.1 ${upRes.statusCode} ${upRes.statusMessage}`, ...pairs(responseHeaders(upRes.rawHeaders)), "connection: close"];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      upRes.pipe(socket);
    });
    up.on("error", () => {
      socket.end("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
    });
    socket.on("error", () => up.destroy());
    up.end();
  }

  return { request, upgrade, close: () => agent.destroy() };
}

function pairs(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) out.push(`${raw[i]}: ${raw[i + 1]}`);
  return out;
}
