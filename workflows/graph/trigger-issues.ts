import { cronIssue, timezoneIssue } from "./cron";
import type { TriggerNode } from "./schema";

type Issue = { nodeId: string; field: string; message: string };

/**
 * A trigger's own settings: a schedule needs a cron expression Temporal can run in a known timezone; polling
 * and app-webhook triggers need the integration trigger they use. Which integrations exist is checked on
 * activation (it needs the database); here only what the graph alone can tell.
 */
export function triggerIssues(n: TriggerNode): Issue[] {
  const issues: Issue[] = [];
  if (n.trigger === "schedule") {
    if (!n.schedule) return [{ nodeId: n.id, field: "schedule.cron", message: "Give the schedule a cron expression, e.g. 0 9 * * MON-FRI" }];
    const cron = cronIssue(n.schedule.cron);
    if (cron) issues.push({ nodeId: n.id, field: "schedule.cron", message: cron });
    const tz = timezoneIssue(n.schedule.timezone);
    if (tz) issues.push({ nodeId: n.id, field: "schedule.timezone", message: tz });
  }
  // Settings of another kind stay on the node (switching back keeps them) and are ignored.
  if ((n.trigger === "polling" || n.trigger === "app_webhook") && !n.app) {
    issues.push({ nodeId: n.id, field: "app", message: "Choose the integration trigger that starts this workflow" });
  }
  return issues;
}
