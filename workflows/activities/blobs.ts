import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { stepBlobs } from "../../db/schema";
import { INLINE_OUTPUT_LIMIT_BYTES } from "../constants";
import { isBlobRef, type BlobRef } from "../interpreter/types";
import { withDbRetry } from "./db-retry";

/** Keeps an output above the inline limit in step_blobs and returns a reference in its place. */
export async function storeIfLarge(db: Database, runId: string, stepKey: string, output: unknown): Promise<{ value: unknown; ref?: BlobRef }> {
  const json = JSON.stringify(output ?? null);
  const sizeBytes = Buffer.byteLength(json);
  if (sizeBytes <= INLINE_OUTPUT_LIMIT_BYTES) return { value: output };
  const [row] = await withDbRetry(() => db.insert(stepBlobs).values({ runId, stepKey, data: output ?? null, sizeBytes }).returning({ id: stepBlobs.id }));
  const ref = { $blob: row!.id, sizeBytes };
  return { value: ref, ref };
}

/** Replaces blob references among the scope's step outputs with their data, for evaluating a mapping. */
export async function loadBlobs(db: Database, scope: Record<string, unknown>): Promise<Record<string, unknown>> {
  const steps = (scope.steps ?? {}) as Record<string, { output: unknown }>;
  const ids = Object.values(steps).map((s) => s.output).filter(isBlobRef).map((r) => r.$blob);
  if (ids.length === 0) return scope;
  const rows = await withDbRetry(() => db.select({ id: stepBlobs.id, data: stepBlobs.data }).from(stepBlobs).where(inArray(stepBlobs.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r.data]));
  const resolved = Object.fromEntries(Object.entries(steps).map(([k, s]) => [k, isBlobRef(s.output) ? { output: byId.get(s.output.$blob) } : s]));
  return { ...scope, steps: resolved };
}
