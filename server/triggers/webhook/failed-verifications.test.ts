import { describe, expect, it } from "vitest";
import { failedVerifyLimits } from "./failed-verifications";

describe("the failed-verification allowance's settings", () => {
  it("defaults to a burst of 20 then 6 a minute, and a bad setting names the variable, the range and the value", () => {
    expect(failedVerifyLimits({})).toEqual({ burst: 20, perMinute: 6 });
    expect(failedVerifyLimits({ JUNCTION_HOOK_FAILED_VERIFY_BURST: "50", JUNCTION_HOOK_FAILED_VERIFY_PER_MINUTE: "60" })).toEqual({ burst: 50, perMinute: 60 });
    expect(() => failedVerifyLimits({ JUNCTION_HOOK_FAILED_VERIFY_BURST: "0" })).toThrow('JUNCTION_HOOK_FAILED_VERIFY_BURST must be an integer from 1 to 100000; got "0".');
    expect(() => failedVerifyLimits({ JUNCTION_HOOK_FAILED_VERIFY_PER_MINUTE: "lots" })).toThrow(/JUNCTION_HOOK_FAILED_VERIFY_PER_MINUTE must be an integer/);
  });
});
