import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { decodeStorable, STORABLE_MARKER, stringifyJson } from "../../db/json";
import { runs, runSteps, stepBlobs } from "../../db/schema";
import { DomainError } from "../errors";
import { requireRole } from "../workspaces/access";
import { STEP_VALUE_FIELDS, type StepValueField } from "./view-values";

export type StepValueFile = { text: string; filename: string };

/**
 * One JSON field of a step attempt, whole, as a file: what the run view links to when it shows a value cut
 * (view-values.ts). An output stored by reference is read from step_blobs. The text comes from Postgres (jsonb
 * output), never JSON.stringify, which throws on a value a few thousand levels deep; only a value holding the
 * storable escape (db/json/storable.ts) is parsed, restored and written again, without recursion.
 * Whoever may open the run (viewer or above in its workspace) may download its values; to anyone else the run
 * does not exist.
 */
export async function stepValueFile(db: Database, userId: string | null, runId: string, stepId: string, field: string): Promise<StepValueFile> {
  if (!userId) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
  if (!isField(field)) throw new DomainError("NOT_FOUND", `A step has no value "${field}"; it has ${STEP_VALUE_FIELDS.join(", ")}.`);
  const notFound = new DomainError("NOT_FOUND", "Run or step not found.");
  const run = await db.query.runs.findFirst({ where: eq(runs.id, runId), columns: { workspaceId: true } });
  if (!run || !/^[0-9a-f-]{36}$/i.test(stepId)) throw notFound;
  await requireRole(db, userId, run.workspaceId, "viewer").catch(() => {
    throw notFound;
  });
  const column = { input: runSteps.input, output: runSteps.output, error: runSteps.error, logs: runSteps.logs }[field];
  const [step] = await db
    .select({ stepKey: runSteps.stepKey, attempt: runSteps.attempt, outputRef: runSteps.outputRef, text: sql<string | null>`${column}::text` })
    .from(runSteps)
    .where(and(eq(runSteps.id, stepId), eq(runSteps.runId, runId)));
  if (!step) throw notFound;
  let text = step.text;
  if (field === "output" && step.outputRef) {
    const [blob] = await db.select({ text: sql<string>`${stepBlobs.data}::text` }).from(stepBlobs).where(and(eq(stepBlobs.id, step.outputRef), eq(stepBlobs.runId, runId)));
    text = blob?.text ?? null;
  }
  return { text: restore(text ?? "null"), filename: `${runId}-${step.stepKey}-attempt${step.attempt}-${field}.json`.replace(/[^\w.-]+/g, "_") };
}

/** Postgres's jsonb text, with strings kept in the storable escape restored (the rare case: parsed and rewritten). */
function restore(text: string): string {
  if (!text.includes(STORABLE_MARKER)) return text;
  return stringifyJson(decodeStorable(JSON.parse(text) as unknown));
}

function isField(field: string): field is StepValueField {
  return (STEP_VALUE_FIELDS as readonly string[]).includes(field);
}
