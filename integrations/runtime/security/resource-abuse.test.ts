/**
 * Security corpus, part 2: attempts to exhaust or outlive the sandbox — CPU, memory, queues, unmetered APIs.
 * Every attack ends with a clear error (or is inert) and the host still runs a canary afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SandboxGuestError, SandboxLimitError } from "../errors";
import { createSandboxHost } from "../host";
import { bundleOf } from "../testing/bundles";
import { CANARY, expectHostAlive, failure, requestFor } from "../testing/harness";
import type { LogLevel } from "../types";

const host = createSandboxHost({ processes: 1 });
afterAll(() => host.close());

const attack = (source: string) => bundleOf({ attack: source, canary: CANARY });
let lastBundle = attack("() => 1");
const run = (source: string, overrides = {}) => host.execute(requestFor((lastBundle = attack(source)), "attack", overrides));
afterEach(async () => expectHostAlive(host, lastBundle));
// Start the sandbox process before anything is timed.
beforeAll(async () => expectHostAlive(host, lastBundle));

const limits = { heapMb: 32, cpuMs: 300, wallMs: 3_000 };
// Memory bombs spend most of their time in GC near the limit; generous time limits keep "heap" the one they hit.
const BOMB = { cpuMs: 10_000, wallMs: 10_000 };
async function limitHit(source: string, limit: string, overrides: { limits?: object } = {}) {
  const started = performance.now();
  const error = await failure(run(source, { limits: { ...limits, ...overrides.limits } }), SandboxLimitError);
  expect(error.limit).toBe(limit);
  return { error, ms: performance.now() - started };
}

describe("CPU", () => {
  it("an infinite loop ends at the CPU limit", async () => {
    const { error } = await limitHit("() => { for (;;) {} }", "cpu");
    expect(error.usage?.cpuMs).toBeLessThan(300 + 100);
  });

  it("a catastrophic regular expression is bounded by the CPU limit", async () => {
    await limitHit("() => /^(a+)+$/.test('a'.repeat(40) + 'b')", "cpu");
  });

  // The flood allocates a promise per turn faster than a loaded machine's GC may free them, so on a small heap it
  // can meet the heap limit first (seen in CI); both end it with a clear limit error, which is what matters here.
  it("a microtask flood is bounded by the CPU limit, or the heap limit if it gets there first", async () => {
    const source = "() => { const spin = () => Promise.resolve().then(spin); spin(); return new Promise(() => {}) }";
    const error = await failure(run(source, { limits: { ...limits, heapMb: 128 } }), SandboxLimitError);
    // Not "wall": the flood never gets to outlive the run's wall-clock limit.
    expect(["cpu", "heap"]).toContain(error.limit);
  });

  it("an endless async loop that never yields to the host is bounded by the CPU limit", async () => {
    await limitHit("async () => { for (;;) await null }", "cpu");
  });
});

describe("memory", () => {
  it("an array memory bomb ends at the heap limit", async () => {
    const { error } = await limitHit("() => { const a = []; for (;;) a.push({ n: Math.random() }) }", "heap", { limits: BOMB });
    expect(error.message).toMatch(/heap passed 32 MB/);
  });

  it("a Map growing past the limit in one allocation (fatal to a process) costs only a sandbox process", async () => {
    await limitHit("() => { const m = new Map(); let i = 0; for (;;) m.set(i++, i) }", "heap", { limits: BOMB });
  });

  it("a dictionary-mode object bomb ends at the heap limit", async () => {
    await limitHit("() => { const o = {}; let i = 0; for (;;) o['k' + i++] = i }", "heap", { limits: BOMB });
  });

  it("ArrayBuffer allocations beyond the limit fail inside the guest", async () => {
    const error = await failure(run("() => { const keep = []; for (;;) keep.push(new ArrayBuffer(8 * 1024 * 1024)) }", { limits }), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "RangeError", message: expect.stringMatching(/Array buffer allocation failed/) });
  });

  it("a huge string fails with RangeError, not a host crash", async () => {
    const error = await failure(run("() => { let s = 'x'; for (;;) s += s }", { limits }), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "RangeError", message: "Invalid string length" });
  });

  it("a string as large as the heap allows cannot be returned past the output limit", async () => {
    // 10 MB, plus its 10 MB JSON copy, fits the 64 MB heap: it is the output limit that must stop it.
    await limitHit("() => 'x'.repeat(10 * 1024 * 1024)", "output", { limits: { heapMb: 64, cpuMs: 3_000, outputBytes: 1024 * 1024 } });
  });

  it("unbounded recursion is a RangeError", async () => {
    const error = await failure(run("() => { const f = () => f() + 1; return f() }", { limits }), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "RangeError", message: expect.stringMatching(/call stack/) });
  });
});

describe("things that could outlive the execution", () => {
  it("timers do not exist, so a timer flood cannot be scheduled", async () => {
    const error = await failure(run("() => { for (let i = 0; i < 1e6; i++) setTimeout(() => {}, 0) }"), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "ReferenceError", message: "setTimeout is not defined" });
  });

  it("WeakRef and FinalizationRegistry are not available", async () => {
    const error = await failure(run("() => new FinalizationRegistry(() => { for (;;) {} }).register({}, 1)"), SandboxGuestError);
    expect(error.message).toBe("FinalizationRegistry is not defined");
    expect((await run("() => typeof WeakRef")).output).toBe("undefined");
  });

  it("WebAssembly is disabled", async () => {
    const error = await failure(run("() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))"), SandboxGuestError);
    expect(error.message).toBe("WebAssembly is not defined");
  });

  it("SharedArrayBuffer and Atomics.wait are disabled", async () => {
    const error = await failure(run("() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)"), SandboxGuestError);
    expect(error.message).toMatch(/is not defined/);
  });

  it("a never-settling promise ends at the wall limit", async () => {
    await limitHit("() => new Promise(() => {})", "wall", { limits: { wallMs: 300 } });
  });
});

describe("flooding the host", () => {
  it("a log flood is capped per execution and stays small", async () => {
    const lines: [LogLevel, string][] = [];
    const result = await run("(ctx) => { const line = 'x'.repeat(1e5); for (let i = 0; i < 1e5; i++) ctx.log.info(line); return 'done' }", {
      limits: { ...limits, cpuMs: 3_000 },
      capabilities: { log: (level: LogLevel, message: string) => lines.push([level, message]) },
    });
    expect(result.output).toBe("done");
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.length).toBeLessThanOrEqual(200);
    expect(Math.max(...lines.map(([, m]) => m.length))).toBeLessThanOrEqual(8193);
  });

  it("unawaited store calls are bounded in flight", async () => {
    let calls = 0;
    const store = { get: () => (calls++, new Promise(() => {})), set: () => {}, delete: () => {} };
    const result = await run("async (ctx) => { const all = []; for (let i = 0; i < 500; i++) all.push(ctx.store.get('k').catch((e) => e.message)); return (await Promise.race(all)) }", {
      capabilities: { store },
    });
    expect(result.output).toMatch(/more than 64 host calls in flight/);
    expect(calls).toBeLessThanOrEqual(64);
  });

  it("a thrown error with a gigantic message is clipped", async () => {
    const error = await failure(run("() => { throw new Error('x'.repeat(5e6)) }"), SandboxGuestError);
    expect(error.message.length).toBeLessThanOrEqual(2001);
  });

  it("deeply nested output cannot be serialized and fails on the depth limit, non-retryable", async () => {
    // In a 32 MB heap the guest's own JSON.stringify of this spends 2-3 s of CPU before it runs out of stack:
    // time limits well above that keep "depth" the limit this test sees on a loaded machine.
    const error = await failure(run("() => { let v = []; for (let i = 0; i < 1e5; i++) v = [v]; return v }", { limits: { ...limits, cpuMs: 10_000, wallMs: 20_000 } }), SandboxLimitError);
    expect(error).toMatchObject({ limit: "depth", retryable: false, message: expect.stringMatching(/output nested deeper than \d+ levels/) });
  });
});
