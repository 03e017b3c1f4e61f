import http, { type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { runs } from "../../db/schema";
import { freePort } from "../../scripts/lib/ports";
import { startTestWorker } from "../../workflows/testing/harness";
import { newUser } from "../testing/users";
import { activeHook, githubSignature, waitForHookRun } from "../triggers/webhook/testing";
import { parseTrustedProxies } from "./client";
import { createEdgeServer } from "./server";

// A stand-in for `next start`: a real HTTP server on loopback that records what reached it.
type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
const seen: Seen[] = [];
const upstream = http.createServer((req, res) => {
  if (req.url === "/stream") {
    // Echoes each request chunk as it arrives: a reply before the request ends proves streaming both ways.
    res.writeHead(200, { "content-type": "text/plain" });
    req.on("data", (c: Buffer) => res.write(`got:${c.toString()};`));
    req.on("end", () => res.end("done"));
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
    if (req.url === "/old") {
      res.writeHead(307, { location: "/new?x=1" });
      res.end();
      return;
    }
    res.writeHead(201, "Made It", [["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-upstream", "yes"], ["content-type", "text/plain"]].flat());
    res.end(`upstream answer to ${req.method} ${req.url}`);
  });
});
upstream.on("upgrade", (req, socket) => {
  socket.write("HTTP/1.1 101 Switching Protocols\r\nupgrade: echo\r\nconnection: Upgrade\r\n\r\n");
  socket.on("data", (c: Buffer) => socket.write(`echo:${c.toString()}`));
  socket.on("end", () => socket.end());
});

let edge: Server;
let base: string;
const listen = (s: Server) => new Promise<number>((r) => s.listen(0, "127.0.0.1", () => r((s.address() as AddressInfo).port)));

/** A raw node:http request (fetch would follow redirects and hide the status message). */
function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {}) {
  return new Promise<{ status: number; message: string; headers: IncomingMessage["headers"]; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: init.port ?? Number(new URL(base).port), path, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, message: res.statusMessage!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  const upPort = await listen(upstream);
  edge = createEdgeServer({ upstream: { host: "127.0.0.1", port: upPort }, db: getDb });
  base = `http://127.0.0.1:${await listen(edge)}`;
});
afterAll(async () => {
  edge.closeAllConnections();
  upstream.closeAllConnections();
  await Promise.all([new Promise((r) => edge.close(r)), new Promise((r) => upstream.close(r))]);
});

describe("edge proxy", () => {
  it("passes method, path and query, headers, body and status through, and overwrites X-Forwarded-*", async () => {
    const res = await call("/api/trpc/thing?batch=1&input=%7B%7D", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-custom": "kept", host: "junction.example:8443", "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https" },
      body: '{"hello":"world"}',
    });
    expect(res).toMatchObject({ status: 201, message: "Made It", body: "upstream answer to PUT /api/trpc/thing?batch=1&input=%7B%7D" });
    expect(res.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(res.headers["x-upstream"]).toBe("yes");
    const got = seen.at(-1)!;
    expect(got).toMatchObject({ method: "PUT", url: "/api/trpc/thing?batch=1&input=%7B%7D", body: '{"hello":"world"}' });
    expect(got.headers).toMatchObject({ "content-type": "application/json", "x-custom": "kept", host: "junction.example:8443" });
    // The forged client value is gone: the edge's peer (this test, on loopback) is the caller.
    expect(got.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(got.headers["x-forwarded-proto"]).toBe("http");
    expect(got.headers["x-forwarded-host"]).toBe("junction.example:8443");
    expect(got.headers["x-forwarded-port"]).toBe(new URL(base).port);
  });

  it("passes redirects through unchanged instead of following them", async () => {
    const res = await call("/old");
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe("/new?x=1");
    expect(seen.at(-1)!.url).toBe("/old");
  });

  it("streams the request and the response body both ways", async () => {
    const port = Number(new URL(base).port);
    const text = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/stream", method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
        let all = "";
        res.on("data", (c: Buffer) => {
          all += c.toString();
          // The first chunk came back while the request is still open: send the rest only now.
          if (all === "got:one;") req.end("two");
        });
        res.on("end", () => resolve(all));
      });
      req.on("error", reject);
      req.write("one");
    });
    expect(text).toBe("got:one;got:two;done");
  });

  it("splices websocket-style upgrades through to the upstream", async () => {
    const port = Number(new URL(base).port);
    const echoed = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/_next/ws", headers: { connection: "Upgrade", upgrade: "echo" } });
      req.on("upgrade", (res, socket) => {
        expect(res.statusCode).toBe(101);
        socket.once("data", (c: Buffer) => {
          socket.end();
          socket.on("close", () => resolve(c.toString())); // closing passes through the edge, both ways
        });
        socket.write("ping");
      });
      req.on("error", reject);
      req.end();
    });
    expect(echoed).toBe("echo:ping");
  });

  it("answers 503 with Retry-After and JSON for an API client when the web app is down, and a readable HTML page (not raw JSON) for a browser", async () => {
    const deadPort = await freePort();
    const lonely = createEdgeServer({ upstream: { host: "127.0.0.1", port: deadPort }, db: getDb });
    const port = await listen(lonely);
    const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    try {
      const api = await call("/api/health", { port, headers: { accept: browser } });
      expect(api.status).toBe(503);
      expect(api.headers["retry-after"]).toBe("5");
      expect(JSON.parse(api.body).error).toBe(`The web app is not answering (upstream 127.0.0.1:${deadPort}: ECONNREFUSED); it may be starting or have stopped.`);
      const client = await call("/w/some-workspace", { port, headers: { accept: "application/json" } });
      expect(client.headers["content-type"]).toBe("application/json");
      const page = await call("/w/some-workspace", { port, headers: { accept: browser } });
      expect(page.status).toBe(503);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(page.body).toContain("<h1>Junction is starting up</h1>");
      expect(page.body).toContain("look at the terminal running npm start");
      expect(page.body).not.toContain("ECONNREFUSED");
    } finally {
      lonely.closeAllConnections();
      await new Promise((r) => lonely.close(r));
    }
  });
});

describe("edge webhook routes", () => {
  let user: Awaited<ReturnType<typeof newUser>>;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  beforeAll(async () => {
    user = await newUser("Edge Hook Owner");
    worker = await startTestWorker();
  }, 120_000);
  afterAll(() => worker?.stop());

  it("answers /api/hooks/<id> itself with 202 and records the socket address, not a forged X-Forwarded-For", async () => {
    const hook = await activeHook(user, {});
    const before = seen.length;
    const res = await call(`/api/hooks/${hook.hookId}?src=edge`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "6.6.6.6" }, body: '{"n":7}' });
    expect(res.status).toBe(202);
    const { runId } = JSON.parse(res.body) as { runId: string };
    expect(res.headers["x-junction-run-id"]).toBe(runId);
    expect(seen.length).toBe(before); // never reached the upstream
    const run = await waitForHookRun(user, runId);
    expect(run.status).toBe("succeeded");
    expect(run.steps.find((s) => s.stepKey === "echo")?.output).toEqual({ got: { n: 7 }, method: "POST" });
    const trigger = (await getDb().query.runs.findFirst({ where: eq(runs.id, runId) }))!.trigger as Record<string, unknown>;
    expect(trigger).toMatchObject({ path: `/api/hooks/${hook.hookId}`, query: { src: "edge" }, ip: "127.0.0.1" });
  });

  it("answers an unknown hook with the handler's 404, and an app-webhook delivery to an unknown id with its 404", async () => {
    const before = seen.length;
    const plain = await call("/api/hooks/no-such-hook", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(plain.status).toBe(404);
    expect(JSON.parse(plain.body).error).toBe("No active webhook at this address");
    const app = await call("/api/hooks/app/no-such-hook", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(app.status).toBe(404);
    expect(JSON.parse(app.body).error).toBe("No active webhook trigger at this address.");
    expect(app.headers["x-request-id"]).toBeTruthy();
    expect(seen.length).toBe(before);
  });

  it("proxies what is not a delivery: other paths under /api/hooks/app", async () => {
    const res = await call("/api/hooks/app/some-id", { method: "GET" });
    expect(res.status).toBe(201);
    expect(seen.at(-1)!.url).toBe("/api/hooks/app/some-id");
  });
});

describe("behind a trusted reverse proxy (TRUST_PROXY)", () => {
  // This test's requests come from 127.0.0.1, so trusting it makes the test the proxy in front of the edge.
  let proxied: Server;
  let port: number;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let user: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    proxied = createEdgeServer({ upstream: { host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }, db: getDb, trustedProxies: parseTrustedProxies("127.0.0.1, 10.0.0.0/8, 2001:db8::/32") });
    port = await listen(proxied);
    worker = await startTestWorker();
    user = await newUser("Behind Proxy");
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    proxied.closeAllConnections();
    await new Promise((r) => proxied.close(r));
  });

  it("passes on the client the proxy saw, skipping trusted hops, and the proxy's scheme, host and port", async () => {
    await call("/page", { port, headers: { host: "10.0.0.5:3000", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.1.2.3", "x-forwarded-proto": "https", "x-forwarded-host": "junction.example", "x-forwarded-port": "443" } });
    // 6.6.6.6 is what the client claimed; 203.0.113.9 is the first hop no trusted proxy vouches past.
    expect(seen.at(-1)!.headers).toMatchObject({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "junction.example", "x-forwarded-port": "443" });
  });

  it("still overwrites what an untrusted peer claims", async () => {
    const untrusted = createEdgeServer({ upstream: { host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }, db: getDb, trustedProxies: parseTrustedProxies("10.0.0.0/8") });
    const p = await listen(untrusted);
    await call("/page", { port: p, headers: { host: "edge.test", "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "forged.example" } });
    untrusted.closeAllConnections();
    await new Promise((r) => untrusted.close(r));
    expect(seen.at(-1)!.headers).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http", "x-forwarded-host": "edge.test", "x-forwarded-port": String(p) });
  });

  it("records the forwarded client as a webhook run's caller IP", async () => {
    const hook = await activeHook(user, {});
    const res = await call(`/api/hooks/${hook.hookId}`, { port, method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.23" }, body: "{}" });
    expect(res.status).toBe(202);
    const { runId } = JSON.parse(res.body) as { runId: string };
    const trigger = (await getDb().query.runs.findFirst({ where: eq(runs.id, runId) }))!.trigger as Record<string, unknown>;
    expect(trigger.ip).toBe("198.51.100.23");
  });

  it("counts failed verifications by the real client: junk from one cannot lock out another's signed delivery, nor escape its count by forging X-Forwarded-For", async () => {
    const hook = await activeHook(user, { verification: { preset: "github" }, limits: { ratePerSecond: 1, burst: 3 } }, { secret: "edge-junk-secret" });
    const post = (to: number, xff: string, signature: string) =>
      call(`/api/hooks/${hook.hookId}`, { port: to, method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": xff, "x-hub-signature-256": signature }, body: "{}" });
    const junk: number[] = [];
    for (let i = 0; i < 25; i++) junk.push((await post(port, "198.51.100.66", "sha256=00")).status);
    expect(junk).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
    expect((await post(port, "198.51.100.67", githubSignature("edge-junk-secret", Buffer.from("{}")))).status).toBe(202);
    // Straight to an edge that trusts nobody, a different forged X-Forwarded-For each time still counts against the socket's address.
    const forged: number[] = [];
    for (let i = 0; i < 21; i++) forged.push((await post(Number(new URL(base).port), `203.0.113.${i}`, "sha256=00")).status);
    expect(forged).toEqual([...Array(20).fill(401), 429]);
  });

  it("refuses a setting it cannot read, naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('TRUST_PROXY: "10.0.0.0/33" is not an IP address or CIDR range');
    expect(() => parseTrustedProxies("10.0.0.1, proxy.internal")).toThrow('"proxy.internal" is not an IP address');
    expect(() => parseTrustedProxies("10.0.0.0/")).toThrow('"10.0.0.0/" is not');
    expect(parseTrustedProxies("  ")).toBeNull();
  });
});
