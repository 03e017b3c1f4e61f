/**
 * The schedule form's "every …" mode, written as the cron expression the trigger stores (workflows/graph/
 * schema.ts scheduleSettings has only `cron`: Temporal runs that, and the server checks it with cronIssue).
 * Only intervals a cron states exactly are offered: a number of minutes or hours that divides the hour or the
 * day (cron's step restarts each hour and each day, so "every 7 minutes" would not be every 7 minutes).
 */
export type IntervalUnit = "minutes" | "hours" | "days" | "weekdays" | "weeks";
export type Interval = {
  unit: IntervalUnit;
  /** minutes / hours: how many. */
  every: number;
  /** hours: at which minute past the hour; days, weekdays, weeks: the time of day. */
  minute: number;
  hour: number;
  /** weeks: 0 (Sunday) to 6. */
  weekday: number;
};

export const MINUTE_STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
export const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12];
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

export const DEFAULT_INTERVAL: Interval = { unit: "days", every: 1, minute: 0, hour: 9, weekday: 1 };

/** The cron expression for an interval (a step the form does not offer is rounded to the next one it does). */
export function intervalToCron(i: Interval): string {
  const minute = clamp(i.minute, 0, 59);
  const hour = clamp(i.hour, 0, 23);
  switch (i.unit) {
    case "minutes": {
      const n = nextStep(MINUTE_STEPS, i.every);
      return n === 1 ? "* * * * *" : `*/${n} * * * *`;
    }
    case "hours": {
      const n = nextStep(HOUR_STEPS, i.every);
      return n === 1 ? `${minute} * * * *` : `${minute} */${n} * * *`;
    }
    case "days":
      return `${minute} ${hour} * * *`;
    case "weekdays":
      return `${minute} ${hour} * * MON-FRI`;
    case "weeks":
      return `${minute} ${hour} * * ${DAY_NAMES[clamp(i.weekday, 0, 6)]}`;
  }
}

const NUM = String.raw`(\d{1,2})`;

/** The interval a cron expression states, or null when it is not one the "every …" mode can show. */
export function cronToInterval(cron: string): Interval | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [m, h, dom, mon, dow] = fields as [string, string, string, string, string];
  if (dom !== "*" || mon !== "*") return null;
  const base = { ...DEFAULT_INTERVAL };
  const minuteStep = /^\*(?:\/(\d{1,2}))?$/.exec(m);
  if (minuteStep && h === "*" && dow === "*") {
    const every = minuteStep[1] ? Number(minuteStep[1]) : 1;
    return MINUTE_STEPS.includes(every) ? { ...base, unit: "minutes", every } : null;
  }
  const minute = new RegExp(`^${NUM}$`).exec(m);
  if (!minute || Number(minute[1]) > 59) return null;
  const at = { ...base, minute: Number(minute[1]) };
  const hourStep = /^\*(?:\/(\d{1,2}))?$/.exec(h);
  if (hourStep && dow === "*") {
    const every = hourStep[1] ? Number(hourStep[1]) : 1;
    return HOUR_STEPS.includes(every) ? { ...at, unit: "hours", every } : null;
  }
  const hour = new RegExp(`^${NUM}$`).exec(h);
  if (!hour || Number(hour[1]) > 23) return null;
  const daily = { ...at, hour: Number(hour[1]) };
  if (dow === "*") return { ...daily, unit: "days" };
  if (dow.toUpperCase() === "MON-FRI" || dow === "1-5") return { ...daily, unit: "weekdays" };
  const day = /^[0-6]$/.test(dow) ? Number(dow) : DAY_NAMES.indexOf(dow.toUpperCase());
  return day >= 0 ? { ...daily, unit: "weeks", weekday: day } : null;
}

const hhmm = (hour: number, minute: number) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;

/** The interval in words, for the form's summary line ("Every day at 09:00"). */
export function describeInterval(i: Interval): string {
  switch (i.unit) {
    case "minutes":
      return i.every === 1 ? "Every minute" : `Every ${i.every} minutes`;
    case "hours": {
      const past = i.minute === 0 ? "on the hour" : `at ${i.minute} minute${i.minute === 1 ? "" : "s"} past`;
      return i.every === 1 ? `Every hour, ${past}` : `Every ${i.every} hours, ${past}`;
    }
    case "days":
      return `Every day at ${hhmm(i.hour, i.minute)}`;
    case "weekdays":
      return `Monday to Friday at ${hhmm(i.hour, i.minute)}`;
    case "weeks":
      return `Every ${WEEKDAYS[i.weekday]} at ${hhmm(i.hour, i.minute)}`;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}

function nextStep(steps: number[], n: number): number {
  return steps.find((s) => s >= n) ?? steps[steps.length - 1]!;
}
