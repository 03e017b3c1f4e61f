import { describe, expect, it } from "vitest";
import { cronIssue } from "@/workflows/graph/cron";
import { cronToInterval, describeInterval, HOUR_STEPS, intervalToCron, MINUTE_STEPS, DEFAULT_INTERVAL, type Interval } from "./schedule-interval";

const at = (patch: Partial<Interval>): Interval => ({ ...DEFAULT_INTERVAL, ...patch });

describe("the schedule form's 'every …' mode is stored as the cron it means", () => {
  it("every interval it offers is a cron the server accepts, and reads back as the same interval", () => {
    const all: Interval[] = [
      ...MINUTE_STEPS.map((every) => at({ unit: "minutes", every })),
      ...HOUR_STEPS.map((every) => at({ unit: "hours", every, minute: 15 })),
      at({ unit: "days", hour: 7, minute: 30 }),
      at({ unit: "weekdays", hour: 18, minute: 5 }),
      ...[0, 1, 2, 3, 4, 5, 6].map((weekday) => at({ unit: "weeks", weekday, hour: 9, minute: 0 })),
    ];
    for (const i of all) {
      const cron = intervalToCron(i);
      expect(cronIssue(cron), cron).toBeNull();
      expect(cronToInterval(cron), cron).toMatchObject({ unit: i.unit, ...(i.unit === "minutes" || i.unit === "hours" ? { every: i.every } : {}), ...(i.unit === "minutes" ? {} : { minute: i.minute }) });
    }
    expect(intervalToCron(at({ unit: "minutes", every: 15 }))).toBe("*/15 * * * *");
    expect(intervalToCron(at({ unit: "weekdays", hour: 9, minute: 0 }))).toBe("0 9 * * MON-FRI");
  });

  it("a step a cron cannot state exactly is rounded to one it can; a cron that is no interval stays a cron", () => {
    expect(intervalToCron(at({ unit: "minutes", every: 7 }))).toBe("*/10 * * * *");
    expect(intervalToCron(at({ unit: "hours", every: 5, minute: 0 }))).toBe("0 */6 * * *");
    for (const cron of ["*/7 * * * *", "0 9 1 * *", "0 9 * * MON,WED", "0 9-17 * * *", "@daily", "0 9 * *", "61 9 * * *", "not a cron"]) expect(cronToInterval(cron), cron).toBeNull();
  });

  it("reads names and numbers for days, and says the interval in words", () => {
    expect(cronToInterval("30 8 * * 1-5")).toMatchObject({ unit: "weekdays", hour: 8, minute: 30 });
    expect(cronToInterval("0 9 * * fri")).toMatchObject({ unit: "weeks", weekday: 5 });
    expect(describeInterval(cronToInterval("*/15 * * * *")!)).toBe("Every 15 minutes");
    expect(describeInterval(cronToInterval("5 */2 * * *")!)).toBe("Every 2 hours, at 5 minutes past");
    expect(describeInterval(cronToInterval("0 9 * * MON-FRI")!)).toBe("Monday to Friday at 09:00");
    expect(describeInterval(cronToInterval("0 9 * * 0")!)).toBe("Every Sunday at 09:00");
  });
});
