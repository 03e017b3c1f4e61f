import { describe, expect, it } from "vitest";
import { crashLoopPolicy, restartDelayMs } from "./supervisor";

describe("restart policy", () => {
  it("waits 0.5 s after a first crash, doubling per crash in the window, never more than 10 s", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(restartDelayMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it("stops at 5 crashes in 60 s unless JUNCTION_CRASH_LOOP_LIMIT / _WINDOW_S say otherwise", () => {
    expect(crashLoopPolicy({})).toEqual({ limit: 5, windowMs: 60_000 });
    expect(crashLoopPolicy({ JUNCTION_CRASH_LOOP_LIMIT: "1", JUNCTION_CRASH_LOOP_WINDOW_S: "600" })).toEqual({ limit: 1, windowMs: 600_000 });
  });

  it("a crash-loop setting that is not a whole number in range is refused, naming the variable, range and value", () => {
    expect(() => crashLoopPolicy({ JUNCTION_CRASH_LOOP_LIMIT: "0" })).toThrow('JUNCTION_CRASH_LOOP_LIMIT must be a whole number from 1 to 100, not "0".');
    expect(() => crashLoopPolicy({ JUNCTION_CRASH_LOOP_WINDOW_S: "1.5" })).toThrow('JUNCTION_CRASH_LOOP_WINDOW_S must be a whole number from 1 to 3600, not "1.5".');
  });
});
