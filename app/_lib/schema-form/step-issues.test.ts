import { describe, expect, it } from "vitest";
import { graphIssues } from "@/workflows/graph/validate";
import { issuesUnder, stepIssues } from "./step-issues";

const schema = { type: "object", properties: { url: { type: "string", pattern: "^https?://" }, n: { type: "integer", minimum: 1 } }, required: ["url"] };
const action = (input: Record<string, unknown>, settings: Record<string, unknown> = {}) => ({ id: "call", kind: "action", action: { integration: "x", version: "1.0.0", key: "get" }, input, settings });

describe("the step form's problems are the server's", () => {
  it("input problems from the manifest schema, keyed input.<path>, templates accepted", () => {
    const issues = stepIssues(action({ url: "ftp://x", n: 0 }), schema);
    expect(issuesUnder(issues, "input.")).toEqual(new Map([["url", '"url" does not match the expected form (^https?://)'], ["n", '"n" must be at least 1']]));
    expect(stepIssues(action({ url: "{{ trigger.body.url }}" }), schema).size).toBe(0);
  });

  it("settings out of range are named by their path, and the input is still checked", () => {
    const issues = stepIssues(action({}, { retry: { maxAttempts: 0 }, timeoutMs: 5 }), schema);
    expect(issues.get("settings.retry.maxAttempts")).toMatch(/>=\s*1|at least 1|too small/i);
    expect(issues.get("settings.timeoutMs")).toBeDefined();
    expect(issues.get("input.url")).toBe('"url" is required');
  });

  it("control nodes: a branch expression that does not parse, a loop without items, a delay without a duration", () => {
    expect(stepIssues({ id: "b", kind: "branch", expression: "a ==" }).get("expression")).toBeDefined();
    expect(stepIssues({ id: "l", kind: "loop", items: "" }).get("items")).toBe("Say which list to loop over");
    expect(stepIssues({ id: "d", kind: "delay" }).get("durationMs")).toBe("Give a duration or a time to wait until");
    expect(stepIssues({ id: "s", kind: "stop", outcome: "error", message: "done" }).size).toBe(0);
  });

  it("a built-in action is checked against its input schema, in the form and on save alike", () => {
    const core = (key: string, input: Record<string, unknown>) => ({ id: "h", kind: "action", action: { integration: "core", version: "1", key }, input });
    const cases = [
      [core("http_request", {}), "input.url", '"url" is required'],
      [core("http_request", { url: "https://x", method: "FETCH" }), "input.method", '"method" must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS'],
      [core("http_request", { url: "https://x", headers: { accept: 3 } }), "input.headers.accept", '"headers.accept" must be text'],
      [core("webhook_response", { status: 99 }), "input.status", '"status" must be at least 200'],
      [core("fail", { retryable: "no" }), "input.message", '"message" is required'],
    ] as const;
    for (const [node, field, message] of cases) {
      expect(stepIssues(node).get(field), field).toBe(message);
      const server = graphIssues({ schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, node], edges: [{ id: "e", source: "start", target: "h" }] });
      expect(server.find((i) => i.field === field)?.message, field).toBe(message);
    }
    // Templates and any value for "set" or a body are accepted: they resolve at run time.
    expect(stepIssues(core("http_request", { url: "{{ trigger.body.url }}", method: "POST", body: { a: [1, "{{ item }}"] } })).size).toBe(0);
    expect(stepIssues(core("set", { a: 1, b: { c: "{{ trigger.body }}" }, d: [true] })).size).toBe(0);
  });
});
