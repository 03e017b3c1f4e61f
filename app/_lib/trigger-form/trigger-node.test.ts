import { describe, expect, it } from "vitest";
import { stepIssues } from "@/app/_lib/schema-form/step-issues";
import { graphIssues } from "@/workflows/graph/validate";
import { presetOf, triggerKindOf, withAppTrigger, withMethod, withPreset, withSetting, withTriggerKind } from "./trigger-node";

const trigger = (extra: Record<string, unknown> = {}) => ({ id: "start", kind: "trigger", ...extra });
const graphWith = (t: Record<string, unknown>) => ({ schemaVersion: 1, nodes: [t], edges: [] });

describe("the trigger form writes the trigger node the server reads", () => {
  it("switching kinds keeps the other kinds' settings; a new schedule starts from a cron that runs", () => {
    const hook = withSetting(trigger({ trigger: "webhook" }), ["webhook", "mode"], "sync");
    const sched = withTriggerKind(hook, "schedule", "Europe/Berlin");
    expect(sched).toEqual({ id: "start", kind: "trigger", trigger: "schedule", webhook: { mode: "sync" }, schedule: { cron: "0 9 * * *", timezone: "Europe/Berlin" } });
    expect(stepIssues(sched).size).toBe(0);
    expect(triggerKindOf(withTriggerKind(sched, "webhook"))).toBe("webhook");
    expect(withTriggerKind(sched, "manual")).not.toHaveProperty("trigger");
    expect(triggerKindOf({ trigger: "carrier-pigeon" })).toBe("manual");
  });

  it("a preset starts from its own defaults, and 'none' leaves no webhook settings behind", () => {
    const hmac = withSetting(withPreset(trigger({ trigger: "webhook" }), "hmac"), ["webhook", "verification", "header"], "x-sig");
    expect(presetOf(hmac)).toBe("hmac");
    expect(withPreset(hmac, "stripe")).toMatchObject({ webhook: { verification: { preset: "stripe" } } });
    expect((withPreset(hmac, "stripe").webhook as { verification: object }).verification).not.toHaveProperty("header");
    expect(withPreset(hmac, "none")).not.toHaveProperty("webhook");
    // Clearing the last limit removes the emptied groups too.
    const limited = withSetting(trigger(), ["webhook", "limits", "burst"], 10);
    expect(withSetting(limited, ["webhook", "limits", "burst"], undefined)).toEqual(trigger());
  });

  it("the form's problems are the server's: a bad cron, an unknown timezone, a bad header, no method", () => {
    const cases = [
      [trigger({ trigger: "schedule", schedule: { cron: "0 9 * *", timezone: "UTC" } }), "schedule.cron", /5 fields.*this one has 4/],
      [trigger({ trigger: "schedule", schedule: { cron: "0 9 * * *", timezone: "Mars/Olympus" } }), "schedule.timezone", /not an IANA timezone/],
      [withSetting(withPreset(trigger({ trigger: "webhook" }), "shared_secret"), ["webhook", "verification", "header"], "bad header"), "webhook.verification.header", /header name/],
      [withMethod(trigger({ trigger: "webhook" }), "POST", false), "webhook.methods", /at least one method/],
      [trigger({ trigger: "polling" }), "app", /integration trigger/],
    ] as const;
    for (const [node, field, message] of cases) {
      expect(stepIssues(node).get(field), field).toMatch(message);
      const server = graphIssues(graphWith(node)).find((i) => i.field === field);
      expect(server?.message, field).toBe(stepIssues(node).get(field));
    }
  });

  it("choosing another integration trigger empties its config; the same integration keeps the connection", () => {
    const first = withAppTrigger(trigger({ trigger: "polling" }), { integration: "acme", version: "1.0.0", key: "new_order" });
    const configured = withSetting(withSetting(first, ["app", "config", "store"], "eu"), ["app", "connectionId"], "conn_1");
    expect(withAppTrigger(configured, { integration: "acme", version: "1.0.0", key: "new_order" })).toMatchObject({ app: { config: { store: "eu" }, connectionId: "conn_1" } });
    expect(withAppTrigger(configured, { integration: "acme", version: "1.0.0", key: "refund" })).toMatchObject({ app: { key: "refund", config: {}, connectionId: "conn_1" } });
    expect((withAppTrigger(configured, { integration: "other", version: "2.0.0", key: "x" }).app as object)).not.toHaveProperty("connectionId");
    expect(withAppTrigger(configured, null)).not.toHaveProperty("app");
    expect(stepIssues(configured).size).toBe(0);
  });
});
