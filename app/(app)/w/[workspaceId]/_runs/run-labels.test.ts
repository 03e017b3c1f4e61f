import { describe, expect, it } from "vitest";
import { shortRunId, triggerLabel, versionLabel } from "./run-labels";

describe("run labels", () => {
  it("name how a run came about, a retry first", () => {
    expect(triggerLabel("manual", null)).toBe("Manual");
    expect(triggerLabel("app_webhook", null)).toBe("App webhook");
    expect(triggerLabel("some_new_kind", null)).toBe("Some new kind");
    expect(triggerLabel("webhook", "failed_step")).toBe("Retry from failed step");
    expect(triggerLabel("manual", "latest_version")).toBe("Re-run on latest");
    expect(triggerLabel(null, null)).toBe("—");
  });

  it("show a version number or a draft test, and a short run id", () => {
    expect(versionLabel(3)).toBe("v3");
    expect(versionLabel(null)).toBe("Draft test");
    expect(shortRunId("run_3f2a9c1e-0000-4000-8000-000000000000")).toBe("3f2a9c1e");
  });
});
