import { describe, expect, it } from "vitest";
import { failureNote } from "./failure-note";

const attempt = (n: number, errorCategory: string, errorRetryable: boolean, errorReason: string) => ({ attempt: n, errorCategory, errorRetryable, errorReason });

describe("the run view's retry note", () => {
  it("says a failure that cannot pass was not retried, and why", () => {
    expect(failureNote(attempt(1, "user_code", false, "the step's code threw an error"), false)).toBe("Not retried: the step's code threw an error (user code).");
  });

  it("says a transient failure was retried, and how often before giving up", () => {
    expect(failureNote(attempt(1, "network_transient", true, "connection reset"), true)).toBe("Retried: connection reset (transient network error).");
    expect(failureNote(attempt(4, "network_transient", true, "connection reset"), false)).toBe("Retried 3 times, then gave up: connection reset (transient network error).");
    expect(failureNote(attempt(1, "rate_limited", true, "the service answered 429"), false)).toMatch(/allow no further attempt: the service answered 429 \(rate limited\)/);
  });

  it("says nothing for attempts recorded before failures were classified", () => {
    expect(failureNote({ attempt: 1, errorCategory: null, errorRetryable: null, errorReason: null }, false)).toBeNull();
  });
});
