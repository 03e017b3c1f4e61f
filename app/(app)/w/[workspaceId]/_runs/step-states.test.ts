import { describe, expect, it } from "vitest";
import { nodeStates } from "./step-states";

const row = (nodeId: string, status: string, attempt = 1, stepKey = nodeId) => ({ nodeId, stepKey, attempt, status });

describe("nodeStates", () => {
  it("takes each step's last attempt", () => {
    const s = nodeStates([row("a", "failed", 1), row("a", "failed", 2), row("a", "succeeded", 3)], []);
    expect(s.get("a")).toBe("succeeded");
  });

  it("shows the most pressing state of a loop's items", () => {
    const items = [row("n", "succeeded", 1, "n[0]"), row("n", "failed", 1, "n[1]"), row("n", "skipped", 1, "n[2]")];
    expect(nodeStates(items, []).get("n")).toBe("failed");
    expect(nodeStates([...items, row("n", "running", 1, "n[3]")], []).get("n")).toBe("running");
    expect(nodeStates([row("m", "skipped")], []).get("m")).toBe("skipped");
  });

  it("marks nodes taken over from an earlier run as reused, unless this run ran them", () => {
    const s = nodeStates([row("gate", "failed")], [row("big", "succeeded"), row("gate", "succeeded")]);
    expect(s.get("big")).toBe("reused");
    expect(s.get("gate")).toBe("failed");
  });

  it("shows an unknown status from a newer engine as skipped rather than breaking", () => {
    expect(nodeStates([row("x", "waiting")], []).get("x")).toBe("skipped");
  });
});
