import { defineAction } from "@junction/sdk";
import { z } from "zod";

/** A date the input could not be read as: names the value, so the user can fix the mapping. */
export class InvalidDateError extends Error {
  override name = "InvalidDateError";
}

const TOKENS = /YYYY|MM|DD|HH|mm|ss|SSS|X/g;

/** Calendar fields of `date` in `timeZone`, through Intl (V8 carries ICU, so this works in the sandbox too). */
function partsIn(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

export function formatDate(value: string | number, format: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidDateError(`"${value}" is not a date (use ISO 8601 like 2024-05-01T12:00:00Z, or milliseconds since 1970)`);
  if (format === "ISO") return date.toISOString();
  const p = partsIn(date, timeZone);
  const values: Record<string, string> = {
    YYYY: p.year!, MM: p.month!, DD: p.day!, HH: p.hour!, mm: p.minute!, ss: p.second!,
    SSS: String(date.getUTCMilliseconds()).padStart(3, "0"), X: String(Math.floor(date.getTime() / 1000)),
  };
  return format.replace(TOKENS, (t) => values[t]!);
}

export const formatDateAction = defineAction({
  key: "format_date",
  name: "Format date",
  description: "Formats a date with tokens (YYYY MM DD HH mm ss SSS, X for Unix seconds, or ISO) in a time zone.",
  input: z.object({
    value: z.union([z.string().min(1), z.number()]),
    format: z.string().min(1).default("YYYY-MM-DD HH:mm:ss"),
    timeZone: z.string().default("UTC"),
  }),
  output: z.object({ formatted: z.string() }),
  run({ input }) {
    try {
      return { formatted: formatDate(input.value, input.format, input.timeZone) };
    } catch (err) {
      if (err instanceof RangeError) throw new InvalidDateError(`"${input.timeZone}" is not a time zone (use an IANA name like Europe/Berlin)`);
      throw err;
    }
  },
});
