import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type AcmeOrder = { id: number; total: number; customer: string };
export type AcmeHook = { id: string; url: string; secret: string; events: string[] };

/**
 * A loopback "Acme" playing the third party of the Acme test integration: an order list behind a bearer key
 * (whose `after` is inclusive, like some real APIs, so polls overlap), hook registration, and signed
 * deliveries (HMAC-SHA256 of the body with the hook's secret, `x-acme-signature: sha256=<hex>`).
 */
export async function startAcme(apiKey: string) {
  const orders: AcmeOrder[] = [];
  const hooks = new Map<string, AcmeHook>();
  let nextHook = 1;
  const server = await startServer((req, res, body) => {
    const json = (status: number, value?: unknown) => {
      res.statusCode = status;
      if (value === undefined) return void res.end();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(value));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`) return json(401, { error: "bad key" });
    const url = new URL(req.url ?? "/", "http://acme");
    if (req.method === "GET" && url.pathname === "/orders") {
      const after = Number(url.searchParams.get("after") ?? 0);
      return json(200, { orders: orders.filter((o) => o.id >= after) });
    }
    if (req.method === "POST" && url.pathname === "/hooks") {
      const { url: target, secret, events } = JSON.parse(body) as Omit<AcmeHook, "id">;
      const hook = { id: `hook_${nextHook++}`, url: target, secret, events };
      hooks.set(hook.id, hook);
      return json(201, { id: hook.id });
    }
    const del = /^\/hooks\/(hook_\d+)$/.exec(url.pathname);
    if (req.method === "DELETE" && del) return json(hooks.delete(del[1]!) ? 204 : 404);
    json(404, { error: "no such route" });
  });

  return {
    url: server.url(""),
    requests: server.requests,
    hooks,
    orders,
    addOrder(total: number, customer: string): AcmeOrder {
      const order = { id: orders.length + 1, total, customer };
      orders.push(order);
      return order;
    },
    /** Sends an event to every registered hook, signed as Acme does; `sign: false` sends a bad signature. */
    async deliver(event: unknown, { sign = true } = {}): Promise<{ status: number; body: unknown }[]> {
      const body = JSON.stringify(event);
      return Promise.all(
        [...hooks.values()].map(async (hook) => {
          const signature = `sha256=${createHmac("sha256", sign ? hook.secret : "wrong").update(body).digest("hex")}`;
          const res = await fetch(hook.url, { method: "POST", headers: { "content-type": "application/json", "x-acme-signature": signature }, body });
          return { status: res.status, body: await res.json() };
        }),
      );
    },
    close: () => server.close(),
  };
}

type Recorded = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

/** A loopback HTTP server that records every request (the sandbox's own test server is off limits to server/). */
async function startServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
