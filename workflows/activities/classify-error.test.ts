import { describe, expect, it } from "vitest";
import { SandboxCrashError, SandboxGuestError, SandboxLimitError, SandboxNetworkError } from "../../integrations/runtime";
import { networkFailureKind } from "../../integrations/runtime/network/failure-kind";
import { classifyStepError, MAX_RETRY_AFTER_MS } from "./classify-error";
import { ActionError } from "./executor";

const guest = (name: string, declared?: ConstructorParameters<typeof SandboxGuestError>[2], network?: ConstructorParameters<typeof SandboxGuestError>[3]) =>
  new SandboxGuestError(name, "message", declared, network);
const verdict = (err: unknown) => {
  const { retryable, category } = classifyStepError(err);
  return [category, retryable];
};

describe("classifying a failed step attempt", () => {
  it("does not retry the code's own throw, invalid input, or what the SDK knows to be permanent", () => {
    expect(verdict(guest("Error"))).toEqual(["user_code", false]);
    expect(verdict(guest("CodeRuntimeError"))).toEqual(["user_code", false]);
    expect(verdict(guest("InputValidationError", { retryable: true }))).toEqual(["validation", false]);
    expect(verdict(guest("ConnectionError"))).toEqual(["config", false]);
    expect(verdict(new ActionError("Input mapping: x", "MappingError", false))).toEqual(["validation", false]);
  });

  it("uses what the host saw on the network over anything the guest claims", () => {
    expect(verdict(guest("TypeError", { retryable: true }, "dns_not_found"))).toEqual(["network_permanent", false]);
    expect(verdict(guest("TypeError", undefined, "refused"))).toEqual(["network_permanent", false]);
    expect(verdict(guest("TypeError", { retryable: false }, "reset"))).toEqual(["network_transient", true]);
    expect(verdict(guest("TypeError", undefined, "dns_temporary"))).toEqual(["network_transient", true]);
    expect(verdict(guest("TypeError", undefined, "timeout"))).toEqual(["timeout", true]);
    expect(verdict(new SandboxNetworkError("address", "Refused"))).toEqual(["network_permanent", false]);
  });

  it("maps Node's error codes to network failure kinds", () => {
    expect(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "CERT_HAS_EXPIRED", undefined].map(networkFailureKind)).toEqual([
      "dns_not_found", "dns_temporary", "refused", "reset", "timeout", "tls", "other",
    ]);
  });

  it("retries 429 and 5xx an action reports, after its Retry-After (capped), but not other statuses", () => {
    expect(classifyStepError(guest("HttpStatusError", { retryable: true, status: 429, retryAfterMs: 5000 }))).toMatchObject({ category: "rate_limited", retryable: true, retryAfterMs: 5000 });
    expect(classifyStepError(guest("HttpStatusError", { retryable: true, status: 503, retryAfterMs: 86_400_000 }))).toMatchObject({ category: "upstream_5xx", retryAfterMs: MAX_RETRY_AFTER_MS });
    expect(verdict(guest("HttpStatusError", { retryable: false, status: 404 }))).toEqual(["upstream_4xx", false]);
    expect(verdict(guest("RetryableError", { retryable: true }))).toEqual(["declared_retryable", true]);
    expect(verdict(guest("PermanentError", { retryable: false }))).toEqual(["user_code", false]);
  });

  it("does not retry a limit, retries a full queue, a crash and an unexpected worker failure", () => {
    expect(verdict(new SandboxLimitError("output", "too big"))).toEqual(["limit", false]);
    expect(verdict(new SandboxLimitError("concurrency", "queue full"))).toEqual(["busy", true]);
    expect(verdict(new SandboxCrashError("died"))).toEqual(["crash", true]);
    expect(verdict(new Error("connection terminated"))).toEqual(["crash", true]);
    expect(verdict(new ActionError("Timed out after 10 ms", "StepTimeout", true))).toEqual(["timeout", true]);
  });
});
