import { log } from "../log";
import { requestIdOf } from "./request-id";

type Handler<C> = (req: Request, ctx: C, requestId: string) => Promise<Response>;

/**
 * Wraps a route handler: assigns the request id (echoed in X-Request-Id, quoted in error messages), and
 * writes one JSON access-log line per request. Query strings are left out: they can carry tokens.
 */
export function withAccessLog<C>(route: string, handler: Handler<C>): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    const requestId = requestIdOf(req);
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler(req, ctx, requestId);
      status = res.status;
      if (!res.headers.has("x-request-id")) res.headers.set("x-request-id", requestId);
      return res;
    } finally {
      const path = new URL(req.url).pathname;
      log.info({ requestId, route, method: req.method, path, status, ms: Math.round(performance.now() - started) }, "request");
    }
  };
}
