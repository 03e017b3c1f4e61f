import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, defineConnection, defineIntegration } from "../index";
import { runAction, UnmatchedRequestError } from "./index";

// A real service on loopback stands in for the third party the author records against.
let base: string;
let calls = 0;
const server = createServer((req, res) => {
  calls++;
  if (req.headers.authorization !== "Bearer live-token") {
    res.statusCode = 401;
    return res.end();
  }
  res.setHeader("content-type", "application/json");
  res.setHeader("set-cookie", "session=abc");
  res.end(JSON.stringify({ login: req.url?.split("/").pop(), plan: "pro" }));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const auth = defineConnection({ kind: "api_key", key: "token", name: "Token", fields: z.object({ apiKey: z.string() }) });
const getUser = defineAction({
  key: "get_user",
  name: "Get user",
  description: "d",
  input: z.object({ base: z.string(), login: z.string() }),
  output: z.object({ login: z.string(), plan: z.string() }),
  async run({ input, http, connection }) {
    const { apiKey } = auth.parse(connection);
    const r = await http.fetch(`${input.base}/users/${input.login}`, { headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" } });
    return (await r.json()) as { login: string; plan: string };
  },
});
const kit = defineIntegration({ id: "recorder", name: "Recorder", version: "1.0.0", author: "a", description: "d", actions: [getUser], connections: [auth] });

describe("recorded HTTP fixtures", () => {
  it("records against the real service, leaves credentials out of the file, then replays without the service", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "junction-rec-")), "fixtures", "get-user.json");
    const input = { base, login: "ada" };
    const recorded = await runAction(kit, "get_user", { input, connection: { apiKey: "live-token" }, fixtureFile: file, record: true });
    expect(recorded.output).toEqual({ login: "ada", plan: "pro" });
    expect(calls).toBe(1);

    const saved = await readFile(file, "utf8");
    expect(saved).not.toContain("live-token");
    expect(saved).not.toContain("session=abc");
    expect(JSON.parse(saved)).toEqual([
      {
        request: { method: "GET", url: `${base}/users/ada`, headers: { accept: "application/json" } },
        response: { status: 200, statusText: "OK", headers: { "content-type": "application/json" }, body: { login: "ada", plan: "pro" } },
      },
    ]);

    // Replay: same answer, no call to the service, and any token works (credentials were never recorded).
    const replayed = await runAction(kit, "get_user", { input, connection: { apiKey: "ci-dummy" }, fixtureFile: file });
    expect(replayed.output).toEqual({ login: "ada", plan: "pro" });
    expect(replayed.recording).toBe(false);
    expect(calls).toBe(1);
    // A request the recording does not cover fails with the request shown, so the author knows to re-record.
    await expect(runAction(kit, "get_user", { input: { base, login: "grace" }, connection: { apiKey: "x" }, fixtureFile: file })).rejects.toThrow(UnmatchedRequestError);
  });
});

describe("the test context's secrets and crypto", () => {
  it("behave like the sandbox's: a stable secret per name, Ed25519 signatures the public key verifies", async () => {
    const { createTestContext } = await import("./index");
    const { createPublicKey, verify } = await import("node:crypto");
    const { ctx } = createTestContext();
    const secret = await ctx.secrets.getOrCreate("hook");
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await ctx.secrets.getOrCreate("hook")).toBe(secret);
    expect(await ctx.secrets.getOrCreate("other")).not.toBe(secret);
    const signature = await ctx.crypto.sign("k", "payload");
    const raw = await ctx.crypto.publicKey("k");
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw, "base64").toString("base64url") }, format: "jwk" });
    expect(verify(null, Buffer.from("payload"), key, Buffer.from(signature, "base64"))).toBe(true);
  });
});
