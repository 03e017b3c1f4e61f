/**
 * The webhook route on a bare Node HTTP server: the same handleWebhook the Next.js route calls, without the rest
 * of the app. Used by the web-kill fault test (a process that can be killed with -9 in a second) and by the
 * benchmark to measure the handler alone. Not a production entry point: under `npm start` the edge
 * (server/edge) serves this route with the same handler, in front of Next.js.
 *   PORT=4010 DATABASE_URL=… TEMPORAL_ADDRESS=… JUNCTION_PAYLOAD_KEY=… JUNCTION_VAULT_KEYS=… scripts/node.sh server/triggers/webhook/serve.ts
 */
import { createServer } from "node:http";
import { getDb } from "../../../db/client";
import { temporal } from "../../../workflows/client";
import { peerAddress, toRequest, writeResponse } from "../../edge/node-fetch";
import { handleWebhook } from "./ingest";
import { watchTemporal } from "./temporal-health";

const ROUTE = /^\/api\/hooks\/([^/?]+)(?:\?|$)/;

const server = createServer((req, res) => {
  const m = ROUTE.exec(req.url ?? "");
  if (!m) {
    res.statusCode = 404;
    res.end();
    return;
  }
  handleWebhook(toRequest(req, peerAddress(req)), decodeURIComponent(m[1]!), { db: getDb() })
    .then((response) => writeResponse(res, response))
    .catch(() => {
      res.statusCode = 500;
      res.end();
    });
});
server.keepAliveTimeout = 65_000;

// Connect to Temporal before taking traffic, so the first deliveries do not pay for the handshake.
await temporal().catch(() => {});
watchTemporal();
server.listen(Number(process.env.PORT ?? 4010), "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`hook server listening on ${typeof addr === "object" && addr ? addr.port : ""}\n`);
});
