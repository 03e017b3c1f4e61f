import { describe, expect, it } from "vitest";
import { SandboxConfigError } from "./errors";
import { DEFAULT_LIMITS, resolveLimits } from "./limits";

describe("resolveLimits", () => {
  it("layers request limits over host defaults over the built-in defaults", () => {
    expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS.heapMb).toBe(128);
    expect(resolveLimits({ cpuMs: 500, wallMs: 900 }, { wallMs: 800, heapMb: undefined })).toMatchObject({ cpuMs: 500, wallMs: 800, heapMb: 128 });
  });

  it.each([
    [{ heapMb: 513 }, /heapMb must be an integer from 8 to 512; got 513/],
    [{ heapMb: 4 }, /heapMb/],
    [{ cpuMs: 0 }, /cpuMs/],
    [{ wallMs: 1.5 }, /wallMs/],
    [{ outputBytes: Number.NaN }, /outputBytes/],
    [{ fetchCount: -1 }, /fetchCount/],
  ])("refuses %o", (limits, message) => {
    expect(() => resolveLimits(undefined, limits)).toThrow(SandboxConfigError);
    expect(() => resolveLimits(undefined, limits)).toThrow(message);
  });

  it("allows 512 MB of heap and no network at all", () => {
    expect(resolveLimits({ heapMb: 512, fetchCount: 0, fetchBytes: 0 })).toMatchObject({ heapMb: 512, fetchCount: 0 });
  });
});
