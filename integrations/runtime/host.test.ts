import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { SandboxCancelledError, SandboxConfigError, SandboxCrashError, SandboxLimitError } from "./errors";
import { createSandboxHost } from "./host";
import { bundleOf } from "./testing/bundles";
import { CANARY, expectHostAlive, failure, requestFor } from "./testing/harness";
import { startServer } from "./testing/loopback-server";
import { sandboxPids } from "./testing/processes";
import type { LogLevel } from "./types";

process.env.JUNCTION_TEST_SECRET = "do-not-leak";
const server = await startServer((_req, res) => res.end("from the loopback server"));
const host = createSandboxHost({
  processes: 1,
  allowLoopbackForTests: true,
  maxConcurrentPerIntegration: 2,
  maxQueuedPerIntegration: 1,
  resolver: async (name) => (name === "api.example.test" ? [{ address: "127.0.0.1", family: 4 }] : []),
});
afterAll(async () => {
  await host.close();
  await server.close();
});

const kit = bundleOf({
  canary: CANARY,
  tools: "async (ctx) => { ctx.log.warn('about to store', { n: 1 }); await ctx.store.set('seen', ctx.input.n); const r = await ctx.http.fetch(ctx.input.url); return { stored: await ctx.store.get('seen'), body: await r.text() } }",
  mapBomb: "() => { const m = new Map(); let i = 0; while (true) m.set(i++, [i]); }",
  wait: "(ctx) => new Promise(() => {})",
});

describe("createSandboxHost", () => {
  it("runs actions in a sandbox process, proxying store, log and the resolver to the host", async () => {
    const stored = new Map<string, unknown>();
    const lines: [LogLevel, string, unknown][] = [];
    const result = await host.execute(
      requestFor(kit, "tools", {
        input: { n: 7, url: `http://api.example.test:${server.port}/` },
        permissions: { network: ["api.example.test"] },
        capabilities: {
          store: { get: (k) => stored.get(k), set: (k, v) => void stored.set(k, v), delete: (k) => void stored.delete(k) },
          log: (level, message, data) => lines.push([level, message, data]),
        },
      }),
    );
    expect(result.output).toEqual({ stored: 7, body: "from the loopback server" });
    expect(result.usage).toMatchObject({ fetchCount: 1, fetchBytes: 24 });
    expect(result.usage.queuedMs).toBeGreaterThanOrEqual(0);
    expect(lines).toEqual([["warn", "about to store", { n: 1 }]]);
  });

  it.runIf(process.platform === "linux")("gives the sandbox process none of the worker's environment", async () => {
    await expectHostAlive(host, kit);
    const pids = sandboxPids();
    const environments = pids.map((pid) => readFileSync(`/proc/${pid}/environ`, "utf8"));
    expect(environments.length).toBeGreaterThan(0);
    for (const env of environments) expect(env).not.toContain("do-not-leak");
  });

  it("survives an out-of-memory V8 cannot contain: that step fails on heap, its neighbour can retry", async () => {
    const neighbour = host.execute(requestFor(kit, "wait", { integrationId: "neighbour", limits: { wallMs: 20_000 } }));
    await new Promise((r) => setTimeout(r, 100));
    const bomb = await failure(host.execute(requestFor(kit, "mapBomb", { limits: { heapMb: 64, cpuMs: 20_000, wallMs: 20_000 } })), SandboxLimitError);
    expect(bomb).toMatchObject({ limit: "heap", retryable: false });
    const collateral = await failure(neighbour, SandboxCrashError);
    expect(collateral).toMatchObject({ retryable: true, message: expect.stringMatching(/can be retried/) });
    await expectHostAlive(host, kit);
  });

  it("cancels a running execution from the caller's signal", async () => {
    const abort = new AbortController();
    const running = host.execute(requestFor(kit, "wait", { signal: abort.signal, limits: { wallMs: 20_000 } }));
    setTimeout(() => abort.abort(), 100);
    await failure(running, SandboxCancelledError);
  });

  it("queues then rejects executions of one integration past its concurrency", async () => {
    const abort = new AbortController();
    const long = () => host.execute(requestFor(kit, "wait", { integrationId: "busy", signal: abort.signal, limits: { wallMs: 20_000 } }));
    const running = [long(), long(), long()].map((execution) => failure(execution, SandboxCancelledError)); // two run, one waits
    const error = await failure(long(), SandboxLimitError);
    expect(error).toMatchObject({ limit: "concurrency", retryable: false });
    abort.abort();
    await Promise.all(running);
  });

  it("rejects malformed requests before running anything", async () => {
    await failure(host.execute({ ...requestFor(kit, "canary"), bundleHash: "nope" }), SandboxConfigError);
    await failure(host.execute(requestFor(kit, "canary", { limits: { heapMb: 4096 } })), SandboxConfigError);
  });

  it("fails executions still running when the host closes", async () => {
    const other = createSandboxHost({ processes: 1 });
    const running = other.execute(requestFor(kit, "wait", { limits: { wallMs: 20_000 } }));
    await new Promise((r) => setTimeout(r, 500));
    await other.close();
    await failure(running, SandboxCancelledError);
    await failure(other.execute(requestFor(kit, "canary")), SandboxCancelledError);
  });
});
