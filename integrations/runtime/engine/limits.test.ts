import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxLimitError } from "../errors";
import { bundleOf } from "../testing/bundles";
import { failure, requestFor } from "../testing/harness";
import { inlineHost } from "../testing/inline-host";
import { startServer } from "../testing/loopback-server";

const host = inlineHost({ allowLoopback: true });
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
    if (req.url === "/big") return void res.end("x".repeat(200_000));
    res.end("ok");
  });
});
afterAll(async () => {
  host.close();
  await server.close();
});

const kit = bundleOf({
  spin: "() => { while (true) {} }",
  grow: "() => { const keep = []; while (true) keep.push({ n: Math.random(), s: 'item' + keep.length }) }",
  growSlowly: "() => { const keep = []; while (true) { keep.push(new Array(1000).fill(Math.random())) } }",
  idle: "() => new Promise(() => {})",
  output: "(ctx) => 'é'.repeat(ctx.input.n)",
  fetchMany: "async (ctx) => { for (let i = 0; i < 5; i++) { try { await ctx.http.fetch(ctx.input.url) } catch {} } return 'caught them all' }",
  fetchBig: "async (ctx) => { try { return (await (await ctx.http.fetch(ctx.input.url)).text()).length } catch (e) { return 'swallowed: ' + e.message } }",
  fetchSlow: "async (ctx) => (await ctx.http.fetch(ctx.input.url)).text()",
  canary: "() => 'ok'",
});

async function timed<T>(promise: Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await promise;
  return [value, performance.now() - started];
}

describe("per-execution limits", () => {
  beforeAll(async () => {
    await host.execute(requestFor(kit, "canary")); // warm the isolate so timings measure the guest, not the compile
  });

  it("ends an infinite loop within its CPU limit + 100 ms", async () => {
    const [error, ms] = await timed(failure(host.execute(requestFor(kit, "spin", { limits: { cpuMs: 200, wallMs: 5_000, heapMb: 32 } })), SandboxLimitError));
    expect(error).toMatchObject({ limit: "cpu", retryable: false, message: expect.stringMatching(/200 ms of CPU time/) });
    // CPU time, not wall time, is the limit: on a loaded machine the wall clock runs ahead of it.
    expect(error.usage?.cpuMs).toBeGreaterThanOrEqual(200);
    expect(error.usage?.cpuMs).toBeLessThan(300);
    expect(ms).toBeLessThan(2_000); // and it did end (the exact bound is on CPU time, above)
  });

  it("ends a memory bomb at its heap limit, well inside its time limits", async () => {
    const [error, ms] = await timed(failure(host.execute(requestFor(kit, "grow", { limits: { heapMb: 32, cpuMs: 5_000, wallMs: 5_000 } })), SandboxLimitError));
    expect(error).toMatchObject({ limit: "heap", message: expect.stringMatching(/32 MB/) });
    expect(error.usage?.heapPeakBytes).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(ms).toBeLessThan(5_000);
  });

  it("ends a slow memory bomb at its CPU limit + 100 ms when that comes first", async () => {
    const error = await failure(host.execute(requestFor(kit, "growSlowly", { limits: { heapMb: 512, cpuMs: 150, wallMs: 5_000 } })), SandboxLimitError);
    expect(error.limit).toBe("cpu");
    expect(error.usage?.cpuMs).toBeLessThan(250);
  });

  it("ends an execution that waits forever at its wall limit + 100 ms", async () => {
    const [error, ms] = await timed(failure(host.execute(requestFor(kit, "idle", { limits: { wallMs: 300 } })), SandboxLimitError));
    expect(error).toMatchObject({ limit: "wall", message: expect.stringMatching(/300 ms/) });
    expect(ms).toBeLessThan(400);
  });

  it("ends a slow fetch at the wall limit", async () => {
    const error = await failure(host.execute(requestFor(kit, "fetchSlow", { input: { url: server.url("/slow") }, permissions: { network: ["127.0.0.1"] }, limits: { wallMs: 400 } })), SandboxLimitError);
    expect(error.limit).toBe("wall");
  });

  it("measures output in UTF-8 bytes of JSON", async () => {
    // "é" is 2 bytes; the JSON string adds 2 quote bytes.
    const ok = await host.execute(requestFor(kit, "output", { input: { n: 499 }, limits: { outputBytes: 1_000 } }));
    expect(ok.output).toHaveLength(499);
    const error = await failure(host.execute(requestFor(kit, "output", { input: { n: 500 }, limits: { outputBytes: 1_000 } })), SandboxLimitError);
    expect(error).toMatchObject({ limit: "output", message: expect.stringMatching(/1002 bytes of JSON, more than 1000/) });
  });

  it("fails on the request past fetch_count, even when the guest catches the error", async () => {
    const request = requestFor(kit, "fetchMany", { input: { url: server.url("/") }, permissions: { network: ["127.0.0.1"] }, limits: { fetchCount: 3 } });
    const error = await failure(host.execute(request), SandboxLimitError);
    expect(error).toMatchObject({ limit: "fetch_count", message: expect.stringMatching(/more than 3 HTTP requests/) });
    expect(error.usage?.fetchCount).toBe(4);
  });

  it("fails when response bytes pass fetch_bytes, reading no more than the budget", async () => {
    const request = requestFor(kit, "fetchBig", { input: { url: server.url("/big") }, permissions: { network: ["127.0.0.1"] }, limits: { fetchBytes: 50_000 } });
    const error = await failure(host.execute(request), SandboxLimitError);
    expect(error.limit).toBe("fetch_bytes");
    const within = await host.execute({ ...request, limits: { fetchBytes: 300_000 } });
    expect(within).toMatchObject({ output: 200_000, usage: { fetchCount: 1, fetchBytes: 200_000 } });
  });
});
