import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExecutionState } from "../engine/execution-state";
import { SandboxLimitError, SandboxNetworkError } from "../errors";
import { resolveLimits } from "../limits";
import { startServer } from "../testing/loopback-server";
import { guardedFetch, type FetchPolicy } from "./guarded-fetch";
import { FetchFailure, type FetchInit } from "./request-shape";
import type { ResolvedAddress } from "./resolve";

let server: Awaited<ReturnType<typeof startServer>>;
const lookups: string[] = [];
// A made-up public-looking name served by the loopback server, and names that resolve to private addresses.
const names: Record<string, ResolvedAddress[]> = {
  "api.example.test": [{ address: "127.0.0.1", family: 4 }],
  "other.example.test": [{ address: "127.0.0.1", family: 4 }],
  "internal.example.test": [{ address: "10.0.0.5", family: 4 }],
  "mixed.example.test": [
    { address: "127.0.0.1", family: 4 },
    { address: "192.168.0.10", family: 4 },
  ],
};
const resolver = async (hostname: string) => {
  lookups.push(hostname);
  const found = names[hostname];
  if (!found) throw new Error("ENOTFOUND");
  return found;
};
const policy = (overrides: Partial<FetchPolicy> = {}): FetchPolicy => ({ permitted: ["*.example.test", "127.0.0.1"], allowLoopback: true, resolver, maxRedirects: 5, ...overrides });
const meter = (limits = {}) => new ExecutionState(resolveLimits(limits), () => {});
const at = (path: string, host = "api.example.test") => `http://${host}:${server.port}${path}`;
const fetchVia = (url: string, init?: FetchInit, p = policy(), m = meter()) => guardedFetch(url, init, p, m, new AbortController().signal);
const rejection = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error("expected a refusal")), (e: unknown) => e);

beforeAll(async () => {
  server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/redirect") return void res.writeHead(Number(url.searchParams.get("status") ?? 302), { location: to ?? "/echo" }).end();
    if (url.pathname === "/loop") return void res.writeHead(302, { location: "/loop" }).end();
    if (url.pathname === "/gzip") return void res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("hello ".repeat(Number(url.searchParams.get("n") ?? 1))));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ method: req.method, host: req.headers.host, auth: req.headers.authorization ?? null, te: req.headers["transfer-encoding"] ?? null, body }));
  });
});
afterAll(() => server.close());

describe("guardedFetch", () => {
  it("connects to the checked address and sends the declared name as Host", async () => {
    lookups.length = 0;
    const response = await fetchVia(at("/echo"), { method: "POST", headers: [["content-type", "text/plain"]], body: "hi" });
    expect(response).toMatchObject({ status: 200, redirected: false, url: at("/echo") });
    expect(JSON.parse(response.body)).toMatchObject({ method: "POST", host: `api.example.test:${server.port}`, body: "hi" });
    // One lookup per hop: the connection is pinned to what the policy checked, so DNS cannot rebind it.
    expect(lookups).toEqual(["api.example.test"]);
  });

  it.each([
    ["file:///etc/passwd", "scheme"],
    ["ftp://api.example.test/", "scheme"],
    ["data:text/plain,hi", "scheme"],
    ["http://user:pw@api.example.test/", "credentials"],
    ["http://undeclared.test/", "permission"],
  ])("refuses %s (%s)", async (url, reason) => {
    const error = await rejection(fetchVia(url));
    expect(error).toBeInstanceOf(SandboxNetworkError);
    expect(error).toMatchObject({ reason });
  });

  it.each(["http://127.0.0.1/", "http://127.1/", "http://0x7f000001/", "http://2130706433/", "http://0177.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/"])(
    "refuses loopback written as %s when loopback is not allowed",
    async (url) => {
      const error = await rejection(fetchVia(url, undefined, policy({ permitted: ["*"], allowLoopback: false })));
      expect(error).toMatchObject({ reason: "address", message: expect.stringMatching(/loopback/) });
    },
  );

  it("refuses a declared name that resolves to a private address, or to a mix", async () => {
    expect(await rejection(fetchVia(at("/", "internal.example.test")))).toMatchObject({
      reason: "address",
      message: "Refused to connect to internal.example.test: private address (internal.example.test resolves to 10.0.0.5).",
    });
    expect(await rejection(fetchVia(at("/", "mixed.example.test")))).toMatchObject({ reason: "address", message: expect.stringMatching(/192\.168\.0\.10/) });
  });

  it("follows redirects by hand, checking each hop", async () => {
    const response = await fetchVia(at(`/redirect?to=${encodeURIComponent(at("/echo", "other.example.test"))}`));
    expect(response).toMatchObject({ status: 200, redirected: true, url: at("/echo", "other.example.test") });
  });

  it.each([
    [`http://internal.example.test/`, /private address/],
    [`http://169.254.169.254/latest/meta-data/`, /cloud metadata/],
    [`http://[fd00:ec2::254]/`, /cloud metadata/],
    [`http://10.0.0.1/`, /private/],
    [`http://undeclared.test/`, /declared network permissions/],
    [`file:///etc/passwd`, /only http and https/],
  ])("refuses a redirect to %s", async (target, message) => {
    // The literal targets are declared, so it is the address check (not the permission) that refuses them.
    const permitted = ["*.example.test", "169.254.169.254", "[fd00:ec2::254]", "10.0.0.1"];
    const error = await rejection(fetchVia(at(`/redirect?to=${encodeURIComponent(target)}`), undefined, policy({ permitted })));
    expect(error).toBeInstanceOf(SandboxNetworkError);
    expect((error as Error).message).toMatch(message);
  });

  it("bounds redirect chains and honours redirect: manual and error", async () => {
    expect(await rejection(fetchVia(at("/loop")))).toMatchObject({ message: "fetch failed: more than 5 redirects" });
    expect(await fetchVia(at("/redirect?to=/x"), { redirect: "manual" })).toMatchObject({ status: 302, headers: { location: "/x" } });
    expect(await rejection(fetchVia(at("/redirect"), { redirect: "error" }))).toBeInstanceOf(FetchFailure);
  });

  it("turns POST into GET on 303 and keeps it on 307; drops Authorization across origins", async () => {
    const see = await fetchVia(at("/redirect?status=303"), { method: "POST", body: "x", headers: { authorization: "Bearer a" } });
    expect(JSON.parse(see.body)).toMatchObject({ method: "GET", body: "", auth: "Bearer a" });
    const keep = await fetchVia(at("/redirect?status=307"), { method: "POST", body: "x" });
    expect(JSON.parse(keep.body)).toMatchObject({ method: "POST", body: "x" });
    const cross = await fetchVia(at(`/redirect?to=${encodeURIComponent(at("/echo", "other.example.test"))}`), { headers: { authorization: "Bearer a" } });
    expect(JSON.parse(cross.body)).toMatchObject({ auth: null });
  });

  it("drops framing headers and rejects header injection and odd methods", async () => {
    const response = await fetchVia(at("/echo"), { headers: { host: "evil.test", "transfer-encoding": "chunked" } });
    expect(JSON.parse(response.body)).toMatchObject({ host: `api.example.test:${server.port}`, te: null });
    expect(await rejection(fetchVia(at("/echo"), { headers: { "x-a": "1\r\nx-b: 2" } }))).toBeInstanceOf(FetchFailure);
    expect(await rejection(fetchVia(at("/echo"), { method: "TRACE" }))).toBeInstanceOf(FetchFailure);
    expect(await rejection(fetchVia(at("/echo"), { method: "GET", body: "x" }))).toBeInstanceOf(FetchFailure);
  });

  it("decodes compressed bodies and counts decoded bytes against the budget", async () => {
    expect((await fetchVia(at("/gzip?n=3"))).body).toBe("hello hello hello ");
    const state = meter({ fetchBytes: 10_000 });
    const error = await rejection(fetchVia(at("/gzip?n=100000"), undefined, policy(), state)); // ~600 KB from ~1 KB of gzip
    expect(error).toBeInstanceOf(SandboxLimitError);
    expect(error).toMatchObject({ limit: "fetch_bytes" });
  });

  it("reports unresolvable names and refused connections as ordinary fetch failures", async () => {
    expect(await rejection(fetchVia("http://nowhere.example.test/"))).toMatchObject({ name: "TypeError", message: expect.stringMatching(/could not resolve/) });
    expect(await rejection(fetchVia("http://127.0.0.1:1/"))).toMatchObject({ name: "TypeError", message: expect.stringMatching(/ECONNREFUSED/) });
  });
});
