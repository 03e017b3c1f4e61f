import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs, webhookDeliveries } from "../../db/schema";
import type { AcceptRunRequest } from "../interpreter/types";

const FOREIGN_KEY_VIOLATION = "23503";

/**
 * Writes the run row of a triggered run. A retried activity finds its own rows and says yes again; another
 * execution holding the same delivery (a re-send after Temporal's retention forgot the first) gets no.
 */
export function createAcceptRun(db: Database) {
  return async function acceptRun(req: AcceptRunRequest): Promise<boolean> {
    try {
      return await db.transaction(async (tx) => {
        if (req.delivery) {
          const claimed = await tx
            .insert(webhookDeliveries)
            .values({ hookId: req.delivery.hookId, deliveryId: req.delivery.deliveryId, runId: req.runId, executionId: req.executionId })
            .onConflictDoNothing()
            .returning({ id: webhookDeliveries.id });
          if (claimed.length === 0) {
            const [holder] = await tx
              .select({ executionId: webhookDeliveries.executionId })
              .from(webhookDeliveries)
              .where(and(eq(webhookDeliveries.hookId, req.delivery.hookId), eq(webhookDeliveries.deliveryId, req.delivery.deliveryId)));
            if (holder?.executionId !== req.executionId) return false;
          }
        }
        await tx
          .insert(runs)
          .values({ id: req.runId, workspaceId: req.workspaceId, workflowId: req.workflowId, workflowVersionId: req.versionId, trigger: req.trigger ?? {} })
          .onConflictDoNothing();
        return true;
      });
    } catch (err) {
      // The workflow (or its version) was deleted between the delivery and now: there is nothing left to run.
      if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
      throw err;
    }
  };
}
