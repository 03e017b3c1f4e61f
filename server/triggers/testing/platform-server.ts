import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "../../../app/api/hooks/app/[hookId]/route";

/**
 * The platform's public address in tests: a loopback HTTP server handing /api/hooks/app/<hookId> to the real
 * route handler, so the third party's deliveries take the same path as in production (minus Next's router).
 */
export async function startPlatform() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const match = /^\/api\/hooks\/app\/([^/?]+)/.exec(req.url ?? "");
        if (!match || req.method !== "POST") {
          res.statusCode = 404;
          return void res.end();
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const request = new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
        const answer = await POST(request, { params: Promise.resolve({ hookId: match[1]! }) });
        res.statusCode = answer.status;
        res.setHeader("content-type", "application/json");
        res.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
