/**
 * The edge process of `npm start` (scripts/start.ts): listens on the public PORT, answers webhook deliveries,
 * proxies the rest to `next start` on 127.0.0.1:JUNCTION_WEB_PORT. It only acknowledges: the worker's outbox relay
 * starts the runs (server/triggers/webhook/outbox-relay.ts).
 */
import { getDb } from "../../db/client";
import { temporal } from "../../workflows/client";
import { log } from "../log";
import { watchTemporal } from "../triggers/webhook/temporal-health";
import { hashingQueueSize } from "../auth/hashing-queue";
import { parseTrustedProxies } from "./client";
import { createEdgeServer } from "./server";

const port = Number(process.env.PORT ?? 3000);
const webPort = Number(process.env.JUNCTION_WEB_PORT);
if (!Number.isInteger(webPort) || webPort < 1) throw new Error("JUNCTION_WEB_PORT (the port of next start) is not set");

// A bad value stops the edge with one line naming it (npm start shows it), rather than trusting nobody silently.
let trustedProxies: ReturnType<typeof parseTrustedProxies>;
let signInsAtOnce: number;
try {
  trustedProxies = parseTrustedProxies(process.env.TRUST_PROXY ?? process.env.JUNCTION_TRUSTED_PROXIES);
  // As many sign-ins as the web process can hash or queue (the same settings): more would only be refused there.
  const { slots, queue } = hashingQueueSize();
  signInsAtOnce = slots + queue;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
const server = createEdgeServer({ upstream: { host: "127.0.0.1", port: webPort }, db: getDb, trustedProxies, signInsAtOnce });
// Connect to Temporal before taking traffic, so the first deliveries do not pay for the handshake.
await temporal().catch(() => {});
// Know whether Temporal answers before the first delivery asks (deliveries get 503 while it does not).
watchTemporal();
server.listen(port, () => log.info({ port, upstream: webPort }, "edge listening"));

// Stop taking connections, let answers in flight finish, then go (the supervisor kills after its grace period).
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
