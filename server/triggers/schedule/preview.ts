import { Cron } from "croner";
import { CRONER_OPTIONS, cronIssue, timezoneIssue } from "../../../workflows/graph";
import { DomainError } from "../../errors";

/**
 * The next times a schedule will fire, for the editor. Computed with croner in the AND day-of-month /
 * day-of-week mode Temporal uses; the schedule test compares these with Temporal's own next action times.
 */
export function nextRunTimes(cron: string, timezone: string, count = 5, from: Date = new Date()): Date[] {
  const fieldErrors: Record<string, string[]> = {};
  const cronProblem = cronIssue(cron);
  if (cronProblem) fieldErrors.cron = [cronProblem];
  const tzProblem = timezoneIssue(timezone);
  if (tzProblem) fieldErrors.timezone = [tzProblem];
  if (cronProblem || tzProblem) throw new DomainError("BAD_REQUEST", cronProblem ?? tzProblem!, fieldErrors);
  return new Cron(cron.trim(), { ...CRONER_OPTIONS, timezone, paused: true }).nextRuns(count, from);
}
