import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, workflows, workflowVersions } from "../../db/schema";
import type { Graph } from "../graph/schema";
import type { AutomationInput, ErrorRunRequest } from "../interpreter/types";

/**
 * Creates the run of a workflow-level error handler: the handler workflow's latest published version, with
 * the failure as trigger data. The run id derives from the failed run's, so a retried activity makes one run.
 */
export function createPrepareErrorRun(db: Database) {
  return async function prepareErrorRun(req: ErrorRunRequest): Promise<AutomationInput | null> {
    const handler = await db.query.workflows.findFirst({ where: and(eq(workflows.id, req.errorWorkflowId), eq(workflows.workspaceId, req.workspaceId)) });
    if (!handler) return null;
    const [version] = await db.select().from(workflowVersions).where(eq(workflowVersions.workflowId, handler.id)).orderBy(desc(workflowVersions.number)).limit(1);
    if (!version) return null;
    const runId = `${req.runId}-onerror`;
    const trigger = { kind: "error", body: { failedRunId: req.runId, error: req.failure } };
    await db
      .insert(runs)
      .values({ id: runId, workspaceId: req.workspaceId, workflowId: handler.id, workflowVersionId: version.id, trigger })
      .onConflictDoNothing();
    return { runId, workspaceId: req.workspaceId, graph: version.graph as Graph, trigger };
  };
}
