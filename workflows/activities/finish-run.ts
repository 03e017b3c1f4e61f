import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { runs } from "../../db/schema";
import type { FinishRequest } from "../interpreter/types";

/** Records how a run ended. Only a run still queued or running changes: a repeated call is harmless. */
export function createFinishRun(db: Database) {
  return async function finishRun(req: FinishRequest): Promise<void> {
    // No withDbRetry: this activity's own Temporal retry policy (unlimited, capped backoff) outlasts any restart.
    await db
      .update(runs)
      .set({ status: req.status, error: req.error ?? null, finishedAt: new Date(), startedAt: sql`coalesce(${runs.startedAt}, now())` })
      .where(and(eq(runs.id, req.runId), inArray(runs.status, ["queued", "running"])));
  };
}
