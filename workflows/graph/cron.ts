import { Cron } from "croner";

/**
 * Cron expressions as Temporal Schedules read them, checked the same way in the editor, on save and on publish.
 * Only what Temporal and croner (the editor's preview) agree on is accepted: five fields (minute hour
 * day-of-month month day-of-week) or one of Temporal's shorthands. Temporal ANDs day-of-month and day-of-week
 * (classic cron ORs them), so the preview is computed with croner's AND mode too.
 */
export const CRON_SHORTHANDS = ["@yearly", "@monthly", "@weekly", "@daily", "@hourly"] as const;

const FIELD_NAMES = ["minute", "hour", "day of month", "month", "day of week"];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Options croner needs to read an expression as Temporal does. */
export const CRONER_OPTIONS = { domAndDow: true, mode: "5-part" } as const;

/** Why the expression is not a schedule Temporal can run, or null when it is. */
export function cronIssue(expression: string): string | null {
  const expr = expression.trim();
  if (!expr) return "Give a cron expression, e.g. 0 9 * * MON-FRI";
  if (expr.startsWith("@")) {
    return (CRON_SHORTHANDS as readonly string[]).includes(expr) ? null : `Unknown shorthand "${expr}"; use one of ${CRON_SHORTHANDS.join(", ")}`;
  }
  const fields = expr.split(/\s+/);
  if (fields.length !== 5) return `A cron expression has 5 fields (minute hour day-of-month month day-of-week); this one has ${fields.length}`;
  for (const [i, field] of fields.entries()) {
    const names = i === 3 ? MONTHS : i === 4 ? DAYS : [];
    const words = field.match(/[A-Za-z]+/g) ?? [];
    const badWord = words.find((w) => !names.includes(w.toUpperCase()));
    if (!/^[0-9A-Za-z*,/-]+$/.test(field) || badWord) {
      return `The ${FIELD_NAMES[i]} field "${field}" uses something a schedule does not support (only numbers${names.length ? `, names like ${names[0]}` : ""}, * , / -)`;
    }
  }
  try {
    new Cron(expr, { ...CRONER_OPTIONS, paused: true });
  } catch (e) {
    return `Not a valid cron expression: ${(e as Error).message}`;
  }
  return null;
}

/** Why the name is not an IANA timezone both the browser and Temporal know, or null when it is. */
export function timezoneIssue(timezone: string): string | null {
  if (!timezone) return "Choose a timezone";
  if (timezone === "UTC") return null;
  // Intl also accepts aliases and any letter case, which Temporal's loader does not: only canonical names pass.
  if (!Intl.supportedValuesOf("timeZone").includes(timezone)) return `"${timezone}" is not an IANA timezone name like Europe/Berlin or America/New_York`;
  return null;
}
