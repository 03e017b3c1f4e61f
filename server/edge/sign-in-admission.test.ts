import http, { type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { createEdgeServer } from "./server";
import { SIGN_IN_BUSY } from "./sign-in-admission";

// A stand-in for `next start` that holds every sign-in until released, as a busy password hash would.
const held: ServerResponse[] = [];
const upstream = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url === "/api/auth/callback/credentials") held.push(res);
    else res.end("page");
  });
});
let edge: Server;
let port: number;
const listen = (s: Server) => new Promise<number>((r) => s.listen(0, "127.0.0.1", () => r((s.address() as AddressInfo).port)));

function call(path: string, method = "POST") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers: { "content-type": "application/x-www-form-urlencoded" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "email=a%40example.com&password=x" : undefined);
  });
}
const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
};

beforeAll(async () => {
  const upstreamPort = await listen(upstream);
  edge = createEdgeServer({ upstream: { host: "127.0.0.1", port: upstreamPort }, db: getDb, signInsAtOnce: 2 });
  port = await listen(edge);
});
afterAll(async () => {
  edge.closeAllConnections();
  upstream.closeAllConnections();
  await Promise.all([new Promise((r) => edge.close(r)), new Promise((r) => upstream.close(r))]);
});

describe("sign-in admission at the edge", () => {
  it("passes as many sign-ins as the web app can hash or queue, answers the next 429 itself, and admits again once one ends", async () => {
    const first = [call("/api/auth/callback/credentials"), call("/api/auth/callback/credentials")];
    await until(() => held.length === 2);
    const refused = await call("/api/auth/callback/credentials");
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("2");
    // The JSON next-auth's sign-in form reads its message from.
    const answer = JSON.parse(refused.body) as { url: string };
    expect(new URL(answer.url).searchParams.get("error")).toBe(SIGN_IN_BUSY);
    // Pages and other auth routes are not counted.
    expect((await call("/w/some-page", "GET")).body).toBe("page");
    expect((await call("/api/auth/session", "GET")).body).toBe("page");

    held.shift()!.end("{}");
    await first[0]!;
    const third = call("/api/auth/callback/credentials");
    await until(() => held.length === 2);
    for (const res of held.splice(0)) res.end("{}");
    expect((await third).status).toBe(200);
    expect((await first[1]!).status).toBe(200);
  });
});
