/**
 * Security corpus, part 3: server-side request forgery through ctx.http.fetch. None may connect; each step
 * fails with a SandboxNetworkError naming what was refused, even when the guest catches the error.
 *
 * Two hosts: `strict` as in production (loopback refused); `lab` allows loopback so a made-up public-looking
 * name (api.example.test, mapped by the resolver override to the local test server) can serve a first hop
 * whose redirect then points somewhere private.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SandboxLimitError, SandboxNetworkError } from "../errors";
import { createSandboxHost } from "../host";
import type { ResolvedAddress } from "../network/resolve";
import { bundleOf } from "../testing/bundles";
import { CANARY, expectHostAlive, failure, requestFor } from "../testing/harness";
import { startServer } from "../testing/loopback-server";

const NAMES: Record<string, string> = {
  localhost: "127.0.0.1",
  "api.example.test": "127.0.0.1",
  "internal.example.test": "10.0.0.5",
  "metadata.example.test": "169.254.169.254",
  "v6.example.test": "::1",
};
let lookups = 0;
const resolver = async (name: string): Promise<ResolvedAddress[]> => {
  lookups++;
  const address = NAMES[name];
  if (!address) throw new Error("ENOTFOUND");
  return [{ address, family: address.includes(":") ? 6 : 4 }];
};
const strict = createSandboxHost({ processes: 1, resolver });
const lab = createSandboxHost({ processes: 1, resolver, allowLoopbackForTests: true });
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const to = new URL(req.url ?? "/", "http://x").searchParams.get("to");
    if (to) return void res.writeHead(302, { location: to }).end();
    res.end("ok");
  });
});
afterAll(async () => {
  await Promise.all([strict.close(), lab.close()]);
  await server.close();
});

const kit = bundleOf({
  canary: CANARY,
  fetch: "async (ctx) => (await ctx.http.fetch(ctx.input.url)).text()",
  fetchAndCatch: "async (ctx) => { try { await ctx.http.fetch(ctx.input.url) } catch (e) { return 'caught: ' + e.message } }",
  flipUrl: "async (ctx) => { let n = 0; const url = { toString: () => (n++ === 0 ? ctx.input.url : 'http://169.254.169.254/') }; return (await ctx.http.fetch(url)).text() }",
  flood: "async (ctx) => { const all = []; for (let i = 0; i < 500; i++) all.push(ctx.http.fetch(ctx.input.url).catch(() => 0)); await Promise.all(all); return 'flooded' }",
});
afterEach(async () => {
  await expectHostAlive(strict, kit);
  await expectHostAlive(lab, kit);
});

async function refused(url: string, message: RegExp, host = strict, network = ["*"]) {
  const error = await failure(host.execute(requestFor(kit, "fetch", { input: { url }, permissions: { network } })), SandboxNetworkError);
  expect(error.message).toMatch(message);
  expect(error.retryable).toBe(false);
  return error;
}

describe("addresses that must never be reached", () => {
  it.each([
    ["http://127.0.0.1/", /127\.0\.0\.1: loopback/],
    ["http://127.1/", /127\.0\.0\.1: loopback/],
    ["http://0x7f000001/", /127\.0\.0\.1: loopback/],
    ["http://2130706433/", /127\.0\.0\.1: loopback/],
    ["http://0177.0.0.1/", /127\.0\.0\.1: loopback/],
    ["http://[::1]/", /::1: loopback/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["https://169.254.169.254/latest/meta-data/", /cloud metadata/],
    ["http://[fd00:ec2::254]/", /cloud metadata/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://10.0.0.1/", /private/],
    ["http://192.168.1.1/", /private/],
    ["http://100.64.0.1/", /carrier-grade NAT/],
    ["http://[fe80::1]/", /link-local/],
  ])("refuses %s", async (url, message) => {
    const error = await refused(url, message);
    expect(error.reason).toBe("address");
  });

  it.each([
    ["http://localhost/", /localhost resolves to 127\.0\.0\.1/],
    ["http://internal.example.test/", /internal\.example\.test: private address \(internal\.example\.test resolves to 10\.0\.0\.5\)/],
    ["http://metadata.example.test/", /cloud metadata/],
    ["http://v6.example.test/", /resolves to ::1/],
  ])("refuses %s, a name that resolves to a private address", async (url, message) => {
    await refused(url, message);
  });
});

describe("requests outside the declared permissions", () => {
  it("refuses a host the integration did not declare", async () => {
    const error = await refused("http://api.example.test/", /not in the integration's declared network permissions/, strict, ["api.github.com"]);
    expect(error.reason).toBe("permission");
  });

  it.each(["file:///etc/passwd", "data:text/plain,hi", "ftp://api.example.test/", "javascript:alert(1)"])("refuses the non-http URL %s", async (url) => {
    expect((await refused(url, /only http and https/)).reason).toBe("scheme");
  });

  it("refuses credentials in the URL", async () => {
    expect((await refused("http://user:secret@api.example.test/", /credentials in the URL/)).reason).toBe("credentials");
  });

  it("fails the step even when the guest catches the refusal", async () => {
    const request = requestFor(kit, "fetchAndCatch", { input: { url: "http://169.254.169.254/" }, permissions: { network: ["*"] } });
    const error = await failure(strict.execute(request), SandboxNetworkError);
    expect(error.message).toMatch(/cloud metadata/);
  });
});

describe("redirects and DNS", () => {
  const viaRedirect = (target: string) => `http://api.example.test:${server.port}/?to=${encodeURIComponent(target)}`;

  it("refuses a redirect from a public-looking first hop to a name resolving to a private address", async () => {
    const before = server.requests.length;
    await refused(viaRedirect("http://internal.example.test/admin"), /internal\.example\.test resolves to 10\.0\.0\.5/, lab);
    expect(server.requests.length).toBe(before + 1); // the first hop was made; the second never left
  });

  it("refuses a redirect to the cloud metadata address", async () => {
    await refused(viaRedirect("http://169.254.169.254/latest/meta-data/iam/"), /cloud metadata/, lab);
  });

  it("refuses a redirect to a private IPv4-mapped IPv6 literal", async () => {
    await refused(viaRedirect("http://[::ffff:10.0.0.1]/"), /private/, lab);
  });

  it("resolves each hop once and connects to exactly that address (no rebinding between check and connect)", async () => {
    lookups = 0;
    const result = await lab.execute(requestFor(kit, "fetch", { input: { url: `http://api.example.test:${server.port}/` }, permissions: { network: ["api.example.test"] } }));
    expect(result.output).toBe("ok");
    expect(lookups).toBe(1);
  });

  it("copies the URL once: a toString that changes after the check cannot redirect the connection", async () => {
    const before = server.requests.length;
    const result = await lab.execute(requestFor(kit, "flipUrl", { input: { url: `http://api.example.test:${server.port}/first` }, permissions: { network: ["*"] } }));
    expect(result.output).toBe("ok");
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(["/first"]);
  });

  it("a flood of unawaited fetches ends at the fetch_count limit", async () => {
    const request = requestFor(kit, "flood", { input: { url: `http://api.example.test:${server.port}/` }, permissions: { network: ["*"] }, limits: { fetchCount: 20 } });
    const error = await failure(lab.execute(request), SandboxLimitError);
    expect(error.limit).toBe("fetch_count");
  });
});
