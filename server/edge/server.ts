import { createServer, type Server } from "node:http";
import type { BlockList } from "node:net";
import type { Database } from "../../db/client";
import { hookRoute } from "./hooks";
import { createProxy, type Upstream } from "./proxy";
import { signInAdmission } from "./sign-in-admission";

/**
 * The public HTTP server of `npm start`: webhook deliveries are answered here, everything else (pages, tRPC,
 * auth, health) is proxied to `next start` on a loopback port.
 */
export function createEdgeServer(opts: { upstream: Upstream; db: () => Database; trustedProxies?: BlockList | null; signInsAtOnce?: number }): Server {
  const trusted = opts.trustedProxies ?? null;
  const proxy = createProxy(opts.upstream, trusted);
  const admit = signInAdmission(opts.signInsAtOnce ?? Infinity, trusted);
  const server = createServer((req, res) => {
    const hook = hookRoute(req, opts.db(), trusted);
    if (hook) void hook(req, res);
    else if (admit(req, res)) proxy.request(req, res);
  });
  server.on("upgrade", (req, socket, head) => proxy.upgrade(req, socket, head));
  server.on("close", () => proxy.close());
  // Longer than the usual load balancer idle timeout (60 s), so the balancer closes first, never mid-request.
  server.keepAliveTimeout = 65_000;
  return server;
}
