import { afterAll, describe, expect, it } from "vitest";
import { SandboxCancelledError, SandboxCapabilityError, SandboxConfigError, SandboxGuestError } from "../errors";
import { bundleOf, hashBundle } from "../testing/bundles";
import { failure, requestFor, RUN } from "../testing/harness";
import { inlineHost } from "../testing/inline-host";
import type { LogLevel } from "../types";

const host = inlineHost();
afterAll(() => host.close());

const kit = bundleOf({
  echo: "async (ctx) => ({ input: ctx.input, connection: ctx.connection, run: ctx.run })",
  mutate: "(ctx) => { ctx.input.list.push(4); ctx.input.added = true; return ctx.input }",
  setGlobal: "() => { globalThis.leftover = 'secret'; Object.prototype.polluted = 'yes'; Array.prototype.map = null; return 1 }",
  readGlobal: "() => ({ leftover: typeof globalThis.leftover, polluted: ({}).polluted ?? null, map: typeof [].map })",
  throws: "() => { throw new RangeError('bad range') }",
  throwsString: "() => { throw 'plain string' }",
  throwsTrap: "() => { throw { get name() { throw 1 }, get message() { throw 2 } } }",
  bigint: "() => ({ n: 10n })",
  cyclic: "() => { const a = {}; a.self = a; return a }",
  nothing: "() => undefined",
  store: "async (ctx) => { await ctx.store.set('k', { when: new Date(0), n: 1 }); const v = await ctx.store.get('k'); await ctx.store.delete('k'); return { v, after: await ctx.store.get('k') } }",
  storeHuge: "async (ctx) => { try { await ctx.store.set('k', 'x'.repeat(300000)) } catch (e) { return e.message } }",
  storeBroken: "async (ctx) => { try { await ctx.store.get('k') } catch (e) { return e.message } }",
  log: "(ctx) => { ctx.log.info('hello', { a: 1 }); ctx.log.warn({ not: 'a string' }); ctx.log.error('bad', () => 1); for (let i = 0; i < 500; i++) ctx.log.info('spam ' + i); return 1 }",
  unawaited: "(ctx) => { ctx.store.get('k'); return 'left a call behind' }",
  hang: "() => new Promise(() => {})",
});

describe("running an action", () => {
  it("hands the action copies of input, connection and run info, and returns its output with usage", async () => {
    const result = await host.execute(requestFor(kit, "echo", { input: { a: [1, 2] }, connection: { token: "t0k" } }));
    expect(result.output).toEqual({ input: { a: [1, 2] }, connection: { token: "t0k" }, run: RUN });
    expect(result.usage).toMatchObject({ fetchCount: 0, fetchBytes: 0 });
    expect(result.usage.cpuMs).toBeGreaterThan(0);
    expect(result.usage.wallMs).toBeGreaterThanOrEqual(result.usage.cpuMs * 0.5);
    expect(result.usage.heapPeakBytes).toBeGreaterThan(0);
  });

  it("never lets the guest change the host's objects", async () => {
    const input = { list: [1, 2, 3] };
    const result = await host.execute(requestFor(kit, "mutate", { input }));
    expect(result.output).toEqual({ list: [1, 2, 3, 4], added: true });
    expect(input).toEqual({ list: [1, 2, 3] });
  });

  it("gives every execution a fresh context: globals and polluted prototypes from run 1 are gone in run 2", async () => {
    await host.execute(requestFor(kit, "setGlobal"));
    expect(host.engine.idleIsolates()).toBe(1); // the same warm isolate serves the next run
    const result = await host.execute(requestFor(kit, "readGlobal"));
    expect(result.output).toEqual({ leftover: "undefined", polluted: null, map: "function" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("returns null for an action that returns undefined", async () => {
    expect((await host.execute(requestFor(kit, "nothing"))).output).toBeNull();
  });
});

describe("guest failures", () => {
  it("reports what the guest threw by name and message only", async () => {
    const error = await failure(host.execute(requestFor(kit, "throws")), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "RangeError", message: "bad range", retryable: false });
    expect(error.usage?.cpuMs).toBeGreaterThan(0);
  });

  it("describes thrown non-errors and errors whose getters throw", async () => {
    expect((await failure(host.execute(requestFor(kit, "throwsString")), SandboxGuestError)).message).toBe("plain string");
    expect((await failure(host.execute(requestFor(kit, "throwsTrap")), SandboxGuestError)).message).toMatch(/could not be described/);
  });

  it("fails outputs that are not JSON-serializable", async () => {
    expect((await failure(host.execute(requestFor(kit, "bigint")), SandboxGuestError)).message).toMatch(/not JSON-serializable.*BigInt/);
    expect((await failure(host.execute(requestFor(kit, "cyclic")), SandboxGuestError)).message).toMatch(/not JSON-serializable/);
  });

  it("names a missing action", async () => {
    const error = await failure(host.execute(requestFor(kit, "nope")), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "ActionNotFound", message: expect.stringMatching(/no action "nope"/) });
  });

  it("reports a bundle that does not compile or throws while loading", async () => {
    const syntax = await failure(host.execute(requestFor(hashBundle("globalThis.__junction = {"), "x")), SandboxGuestError);
    expect(syntax).toMatchObject({ guestName: "SyntaxError", message: expect.stringMatching(/failed to compile/) });
    const loading = await failure(host.execute(requestFor(hashBundle("throw new Error('top-level boom')"), "x")), SandboxGuestError);
    expect(loading.message).toBe("top-level boom");
  });
});

describe("request checks", () => {
  it("refuses a bundle whose hash does not match", async () => {
    const wrong = { bundle: kit.bundle + "\n", bundleHash: "0".repeat(64) };
    expect((await failure(host.execute(requestFor(wrong, "echo")), SandboxConfigError)).message).toMatch(/hash mismatch/);
  });

  it("refuses input that is not plain data", async () => {
    await failure(host.execute(requestFor(kit, "echo", { input: { fn: () => 1 } })), SandboxConfigError);
  });

  it("stops a cancelled execution", async () => {
    const abort = new AbortController();
    const running = host.execute(requestFor(kit, "hang", { signal: abort.signal }));
    setTimeout(() => abort.abort(), 50);
    await failure(running, SandboxCancelledError);
  });
});

describe("ctx.store and ctx.log", () => {
  it("round-trips values through the host's store as JSON", async () => {
    const data = new Map<string, unknown>();
    const store = { get: (k: string) => data.get(k), set: (k: string, v: unknown) => void data.set(k, v), delete: (k: string) => void data.delete(k) };
    const result = await host.execute(requestFor(kit, "store", { capabilities: { store } }));
    expect(result.output).toEqual({ v: { when: "1970-01-01T00:00:00.000Z", n: 1 }, after: null });
  });

  it("limits store values and hides the host's own error text", async () => {
    const store = {
      get: () => {
        throw new Error("relation installation_store does not exist");
      },
      set: () => {},
      delete: () => {},
    };
    expect((await host.execute(requestFor(kit, "storeHuge", { capabilities: { store } }))).output).toMatch(/limited to 262144 bytes/);
    expect((await host.execute(requestFor(kit, "storeBroken", { capabilities: { store } }))).output).toBe("ctx.store failed.");
    const explained = { ...store, get: () => Promise.reject(new SandboxCapabilityError("quota exceeded")) };
    expect((await host.execute(requestFor(kit, "storeBroken", { capabilities: { store: explained } }))).output).toBe("quota exceeded");
    expect((await host.execute(requestFor(kit, "storeBroken"))).output).toMatch(/not available/);
  });

  it("delivers log lines, capped per execution", async () => {
    const lines: [LogLevel, string, unknown][] = [];
    await host.execute(requestFor(kit, "log", { capabilities: { log: (level, message, data) => lines.push([level, message, data]) } }));
    await new Promise((r) => setTimeout(r, 20)); // log calls are fire-and-forget
    expect(lines.slice(0, 3)).toEqual([
      ["info", "hello", { a: 1 }],
      ["warn", "[object Object]", undefined],
      ["error", "bad", undefined],
    ]);
    expect(lines).toHaveLength(200);
  });

  it("does not reuse an isolate that still has a host call in flight", async () => {
    const store = { get: () => new Promise(() => {}), set: () => {}, delete: () => {} };
    const before = host.engine.idleIsolates();
    const result = await host.execute(requestFor(kit, "unawaited", { capabilities: { store } }));
    expect(result.output).toBe("left a call behind");
    expect(host.engine.idleIsolates()).toBe(before - 1);
  });
});
