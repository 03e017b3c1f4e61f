import { describe, expect, it } from "vitest";
import { elapsed, formatBytes, formatDuration } from "./duration";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [320.4, "320 ms"],
    [999, "999 ms"],
    [1000, "1.0 s"],
    [4250, "4.2 s"],
    [12_900, "12 s"],
    [192_000, "3 m 12 s"],
    [7_500_000, "2 h 5 m"],
    [90_000_000, "1 d 1 h"],
    [-5, "—"],
    [Number.NaN, "—"],
  ])("%s ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("formatBytes", () => {
  it.each([
    [812, "812 B"],
    [4198, "4.1 KB"],
    [300 * 1024, "300 KB"],
    [2.3 * 1024 * 1024, "2.3 MB"],
    [5 * 1024 ** 4, "5120 GB"],
  ])("%s bytes reads %s", (n, text) => expect(formatBytes(n)).toBe(text));
});

describe("elapsed", () => {
  const start = new Date("2026-01-01T00:00:00Z");
  it("is the finished duration, the running time so far, or nothing before the start", () => {
    expect(elapsed(start, new Date("2026-01-01T00:00:02Z"), null)).toBe(2000);
    expect(elapsed(start, null, start.getTime() + 500)).toBe(500);
    expect(elapsed(start, null, null)).toBeNull();
    expect(elapsed(null, null, Date.now())).toBeNull();
  });
});
