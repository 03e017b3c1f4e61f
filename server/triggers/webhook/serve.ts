/**
 * The webhook route on a bare Node HTTP server: the same handleWebhook the Next.js route calls, without the rest
 * of the app. Used by the web-kill fault test (a process that can be killed with -9 in a second) and by the
 * benchmark to measure the handler apart from Next.js. Not a production entry point: `npm start` serves the route.
 *   PORT=4010 DATABASE_URL=… TEMPORAL_ADDRESS=… JUNCTION_PAYLOAD_KEY=… JUNCTION_VAULT_KEYS=… scripts/node.sh server/triggers/webhook/serve.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { getDb } from "../../../db/client";
import { temporal } from "../../../workflows/client";
import { handleWebhook } from "./ingest";
import { ensureRelay } from "./relay";

const ROUTE = /^\/api\/hooks\/([^/?]+)(?:\?|$)/;

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  // As Next.js does: the socket's address when no proxy said otherwise.
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function write(res: ServerResponse, response: Response) {
  res.statusCode = response.status;
  response.headers.forEach((v, k) => res.setHeader(k, v));
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = createServer((req, res) => {
  const m = ROUTE.exec(req.url ?? "");
  if (!m) {
    res.statusCode = 404;
    res.end();
    return;
  }
  handleWebhook(toRequest(req), decodeURIComponent(m[1]!), { db: getDb() })
    .then((response) => write(res, response))
    .catch(() => {
      res.statusCode = 500;
      res.end();
    });
});
server.keepAliveTimeout = 65_000;

// Connect to Temporal before taking traffic, so the first deliveries do not pay for the handshake.
await temporal().catch(() => {});
// Deliveries a killed predecessor accepted but never started are started by this process's sweeper.
ensureRelay(getDb());
server.listen(Number(process.env.PORT ?? 4010), "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`hook server listening on ${typeof addr === "object" && addr ? addr.port : ""}\n`);
});
