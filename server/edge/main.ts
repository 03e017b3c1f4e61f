/**
 * The edge process of `npm start` (scripts/start.ts): listens on the public PORT, answers webhook deliveries,
 * proxies the rest to `next start` on 127.0.0.1:JUNCTION_WEB_PORT, and runs the webhook relay's sweeper (it is
 * the process that accepts deliveries; Next.js behind it does not, see instrumentation.ts).
 */
import { getDb } from "../../db/client";
import { temporal } from "../../workflows/client";
import { log } from "../log";
import { ensureRelay } from "../triggers/webhook/relay";
import { createEdgeServer } from "./server";

const port = Number(process.env.PORT ?? 3000);
const webPort = Number(process.env.JUNCTION_WEB_PORT);
if (!Number.isInteger(webPort) || webPort < 1) throw new Error("JUNCTION_WEB_PORT (the port of next start) is not set");

const server = createEdgeServer({ upstream: { host: "127.0.0.1", port: webPort }, db: getDb });
// Connect to Temporal before taking traffic, so the first deliveries do not pay for the handshake.
await temporal().catch(() => {});
// Deliveries a stopped or killed predecessor accepted but never started are started by this sweeper.
ensureRelay(getDb());
server.listen(port, () => log.info({ port, upstream: webPort }, "edge listening"));

// Stop taking connections, let answers in flight finish, then go (the supervisor kills after its grace period).
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
