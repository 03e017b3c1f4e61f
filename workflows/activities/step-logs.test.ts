import type { NativeConnection } from "@temporalio/worker";
import { describe, expect, it } from "vitest";
import { createWorker } from "../worker";
import { fitLogs, lineBytes, logCaps, StepLogCollector, type StepLogLine } from "./step-logs";

const total = (lines: StepLogLine[]) => lines.reduce((n, l) => n + lineBytes(l), 0);

describe("a step's log collector", () => {
  it("keeps lines up to the step cap, then one marker line counting the bytes it dropped", () => {
    const logs = new StepLogCollector(4096);
    for (let i = 0; i < 100; i++) logs.add("info", `line ${i} ${"x".repeat(200)}`);
    const lines = logs.lines();
    const marker = lines.at(-1)!;
    expect(total(lines.slice(0, -1))).toBeLessThanOrEqual(4096);
    expect(marker).toMatchObject({ level: "warn", message: expect.stringMatching(/^\d+ bytes of logs dropped \(limit JUNCTION_STEP_LOG_BYTES = 4096 bytes per step\)\.$/) });
    const dropped = (marker.data as { droppedBytes: number }).droppedBytes;
    const logged = Array.from({ length: 100 }, (_, i) => ({ level: "info", message: `line ${i} ${"x".repeat(200)}`, at: new Date().toISOString() }));
    expect(dropped + total(lines.slice(0, -1))).toBe(total(logged));
  });

  it("replaces a line's data that is too deep or too big with a short note, and clips a long message", () => {
    const logs = new StepLogCollector(1024 * 1024);
    let deep: unknown = 1;
    for (let i = 0; i < 500; i++) deep = [deep];
    logs.add("info", "deep", deep);
    logs.add("info", "big", { text: "y".repeat(20_000) });
    logs.add("info", "z".repeat(10_000));
    const [a, b, c] = logs.lines();
    expect(a!.data).toBe("[log data dropped: nested deeper than 128 levels]");
    expect(b!.data).toBe("[log data dropped: more than 16384 bytes of JSON]");
    expect(c!.message).toHaveLength(8193);
  });
});

describe("fitting a step's logs into what is left of the run's allowance", () => {
  const lines = Array.from({ length: 50 }, (_, i) => ({ level: "info", message: `m${i} ${"x".repeat(100)}`, at: "2026-01-01T00:00:00.000Z" }));

  it("keeps everything that fits", () => {
    expect(fitLogs(lines, 1_000_000, 1_000_000)).toEqual({ lines, bytes: total(lines) });
  });

  it("keeps a prefix and a marker within the budget, and nothing when not even the marker fits", () => {
    const fitted = fitLogs(lines, 2000, 1_000_000);
    expect(fitted.bytes).toBeLessThanOrEqual(2000);
    expect(fitted.bytes).toBe(total(fitted.lines));
    expect(fitted.lines.at(-1)!.message).toMatch(/bytes of logs dropped \(limit JUNCTION_RUN_LOG_BYTES = 1000000 bytes per run\)/);
    expect(fitLogs(lines, 50, 1_000_000)).toEqual({ lines: [], bytes: 0 });
  });

  it("adds the bytes an earlier step-cap marker dropped to its own count", () => {
    const logs = new StepLogCollector(2048);
    for (let i = 0; i < 40; i++) logs.add("info", "x".repeat(100));
    const stepDropped = (logs.lines().at(-1)!.data as { droppedBytes: number }).droppedBytes;
    const fitted = fitLogs(logs.lines(), 300, 1_000_000);
    expect((fitted.lines.at(-1)!.data as { droppedBytes: number }).droppedBytes).toBeGreaterThan(stepDropped);
  });
});

describe("log caps", () => {
  it("default to 64 KiB per step and 1 MiB per run, and refuse a bad setting by name", () => {
    expect(logCaps({})).toEqual({ stepBytes: 65536, runBytes: 1048576 });
    expect(logCaps({ JUNCTION_STEP_LOG_BYTES: "2048", JUNCTION_RUN_LOG_BYTES: "4096" })).toEqual({ stepBytes: 2048, runBytes: 4096 });
    expect(() => logCaps({ JUNCTION_STEP_LOG_BYTES: "12" })).toThrow('JUNCTION_STEP_LOG_BYTES must be an integer from 1024 to 16777216; got "12".');
  });
});

describe("a worker started with a bad log cap", () => {
  it("refuses to start, naming the setting, before connecting to anything", async () => {
    const before = process.env.JUNCTION_RUN_LOG_BYTES;
    process.env.JUNCTION_RUN_LOG_BYTES = "lots";
    try {
      const start = createWorker({ connection: null as unknown as NativeConnection, namespace: "default", taskQueue: "never", outboxRelay: false });
      await expect(start).rejects.toThrow('JUNCTION_RUN_LOG_BYTES must be an integer from 1024 to 1073741824; got "lots".');
    } finally {
      if (before === undefined) delete process.env.JUNCTION_RUN_LOG_BYTES;
      else process.env.JUNCTION_RUN_LOG_BYTES = before;
    }
  });
});

