import { describe, expect, it } from "vitest";
import { nextRunTimes } from "../../server/triggers/schedule/preview";
import { cronIssue, timezoneIssue } from "./cron";
import { graphIssues } from "./validate";

describe("cron expressions", () => {
  it("accepts five fields with names, ranges, lists and steps, and Temporal's shorthands", () => {
    for (const ok of ["0 9 * * MON-FRI", "*/15 * * * *", "0 0 1,15 * *", "30 6 * JAN-MAR SUN", "@daily", "@hourly", "@weekly", "@monthly", "@yearly"]) expect(cronIssue(ok)).toBeNull();
  });

  it("names what is wrong with an expression Temporal would refuse or read differently", () => {
    expect(cronIssue("")).toMatch(/Give a cron expression/);
    expect(cronIssue("0 0 9 * * MON")).toMatch(/5 fields .* this one has 6/);
    // croner knows L, W, ? and #; Temporal's parser does not, so they are refused rather than previewed wrongly.
    expect(cronIssue("0 9 L * *")).toMatch(/day of month field "L" uses something a schedule does not support/);
    expect(cronIssue("0 9 ? * *")).toMatch(/day of month field "\?"/);
    expect(cronIssue("0 9 * * MON-FRIDAY")).toMatch(/day of week field "MON-FRIDAY"/);
    expect(cronIssue("0 9 * * 1#2")).toMatch(/day of week field "1#2"/);
    expect(cronIssue("61 * * * *")).toMatch(/Not a valid cron expression/);
    expect(cronIssue("@reboot")).toMatch(/Unknown shorthand "@reboot"/);
  });

  it("knows canonical IANA timezones only", () => {
    expect(timezoneIssue("UTC")).toBeNull();
    expect(timezoneIssue("Europe/Berlin")).toBeNull();
    expect(timezoneIssue("europe/berlin")).toMatch(/not an IANA timezone name/);
    expect(timezoneIssue("Mars/Olympus")).toMatch(/not an IANA timezone name/);
  });

  it("previews the next five times in the timezone, ANDing day of month and day of week as Temporal does", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    expect(nextRunTimes("0 9 * * MON-FRI", "Europe/Berlin", 5, from).map((d) => d.toISOString())).toEqual([
      "2026-01-01T08:00:00.000Z", "2026-01-02T08:00:00.000Z", "2026-01-05T08:00:00.000Z", "2026-01-06T08:00:00.000Z", "2026-01-07T08:00:00.000Z",
    ]);
    // The 13th that is also a Friday, not every 13th and every Friday.
    expect(nextRunTimes("0 0 13 * FRI", "UTC", 2, from).map((d) => d.toISOString())).toEqual(["2026-02-13T00:00:00.000Z", "2026-03-13T00:00:00.000Z"]);
  });
});

describe("trigger settings in a graph", () => {
  const graph = (trigger: Record<string, unknown>) => ({ schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", ...trigger }], edges: [] });

  it("names the node and field of a bad schedule, and of a missing integration trigger", () => {
    expect(graphIssues(graph({ trigger: "schedule", schedule: { cron: "0 25 * * *", timezone: "Nowhere/City" } }))).toEqual([
      { nodeId: "start", field: "schedule.cron", message: expect.stringMatching(/^Not a valid cron expression/) },
      { nodeId: "start", field: "schedule.timezone", message: expect.stringMatching(/not an IANA timezone/) },
    ]);
    expect(graphIssues(graph({ trigger: "schedule" }))).toEqual([{ nodeId: "start", field: "schedule.cron", message: expect.stringMatching(/Give the schedule a cron expression/) }]);
    expect(graphIssues(graph({ trigger: "polling" }))).toEqual([{ nodeId: "start", field: "app", message: "Choose the integration trigger that starts this workflow" }]);
    expect(graphIssues(graph({ trigger: "schedule", schedule: { cron: "0 9 * * *", overlap: "sometimes" } }))).toEqual([
      expect.objectContaining({ nodeId: "start", field: "schedule.overlap" }),
    ]);
    expect(graphIssues(graph({ trigger: "app_webhook", app: { integration: "acme", version: "1.0.0", key: "" } }))).toEqual([
      { nodeId: "start", field: "app.key", message: "Choose one of the integration's triggers" },
    ]);
  });

  it("accepts a valid schedule (timezone defaults to UTC, overlap to skip) and a polling trigger", () => {
    expect(graphIssues(graph({ trigger: "schedule", schedule: { cron: "@daily" } }))).toEqual([]);
    expect(graphIssues(graph({ trigger: "polling", app: { integration: "acme", version: "1.0.0", key: "new_order", intervalSeconds: 60 } }))).toEqual([]);
  });
});
