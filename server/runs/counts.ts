import { and, count, eq, gte, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs } from "../../db/schema";
import { requireRole } from "../workspaces/access";

export const COUNT_WINDOW_DAYS = 7;

/**
 * How the workspace's runs of published versions ended over the last week, by status (the dashboard's summary;
 * test runs of drafts are left out, they are not the automation at work). One grouped count on the
 * (workspace, status) index.
 */
export async function runCounts(db: Database, userId: string, workspaceId: string, now = new Date()) {
  await requireRole(db, userId, workspaceId, "viewer");
  const since = new Date(now.getTime() - COUNT_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select({ status: runs.status, n: count() })
    .from(runs)
    .where(and(eq(runs.workspaceId, workspaceId), isNotNull(runs.workflowVersionId), gte(runs.createdAt, since)))
    .groupBy(runs.status);
  const counts = { queued: 0, running: 0, succeeded: 0, succeeded_with_errors: 0, failed: 0, cancelled: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return { days: COUNT_WINDOW_DAYS, counts };
}
