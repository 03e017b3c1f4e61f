import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { storableJsonb } from "./columns";
import { workflowFixtures } from "./fixtures";
import { workflowVersions, workflows } from "./workflows";
import { workspaces } from "./workspaces";

// succeeded_with_errors: it ended, but a step set to continue on error failed on the way (finish-run.ts decides).
export const runStatus = pgEnum("run_status", ["queued", "running", "succeeded", "failed", "cancelled", "succeeded_with_errors"]);
export const stepStatus = pgEnum("step_status", ["running", "succeeded", "failed", "skipped"]);

/** One execution of a workflow; id is the Temporal workflowId so the two can always be joined. */
export const runs = pgTable(
  "runs",
  {
    id: text("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    workflowId: uuid("workflow_id").notNull().references(() => workflows.id, { onDelete: "cascade" }),
    // Null for a test run of the draft.
    workflowVersionId: uuid("workflow_version_id").references(() => workflowVersions.id),
    status: runStatus("status").notNull().default("queued"),
    trigger: storableJsonb("trigger").notNull().default({}),
    error: storableJsonb("error"),
    // The graph of a test run of the draft (workflowVersionId null), so it can be retried as it was.
    testGraph: jsonb("test_graph"),
    // The run this one retries or re-runs, and how ("start" | "failed_step" | "latest_version").
    retryOf: text("retry_of"),
    retryMode: text("retry_mode"),
    // Editor test runs only (never a published version's run: see the check below). The fixture it started from
    // (its name kept, as the run view labels it after the fixture is renamed or deleted), what was tested
    // ({ mode: "workflow" | "step" | "from", nodeId? }), and the step outputs it used instead of running those
    // steps, by step key: { output, from: "fixture" | <run id of the sample> }.
    fixtureId: uuid("fixture_id").references(() => workflowFixtures.id, { onDelete: "set null" }),
    fixtureName: text("fixture_name"),
    testScope: jsonb("test_scope"),
    testPins: storableJsonb("test_pins"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // Bytes of ctx.log lines its steps stored (run_steps.logs), held under JUNCTION_RUN_LOG_BYTES.
    logBytes: bigint("log_bytes", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // The runs lists (server/runs/queries.ts listRuns): newest first (these scanned backwards) in (created_at, id)
    // keyset pages, one index per filter they offer, so a page at 100,000 runs reads ~50 index entries instead of
    // sorting the workspace's runs (bench/runs-list-filters.ts). Each costs a run insert a little; lists are read more.
    index("runs_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("runs_workspace_status_created_idx").on(t.workspaceId, t.status, t.createdAt, t.id),
    index("runs_workspace_trigger_created_idx").on(t.workspaceId, sql`(${t.trigger}->>'kind')`, t.createdAt, t.id),
    index("runs_workflow_created_idx").on(t.workflowId, t.createdAt, t.id),
    index("runs_version_created_idx").on(t.workflowVersionId, t.createdAt, t.id),
    // Test data never reaches production: a run of a published version cannot carry a fixture or pinned outputs.
    check("runs_test_data_only_in_tests", sql`${t.workflowVersionId} IS NULL OR (${t.fixtureId} IS NULL AND ${t.fixtureName} IS NULL AND ${t.testScope} IS NULL AND ${t.testPins} IS NULL)`),
  ],
);

export const runSteps = pgTable(
  "run_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: text("run_id").notNull().references(() => runs.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    // The node id, plus the item index inside loops ("notify[2]"): unique per execution of a node in a run.
    stepKey: text("step_key").notNull(),
    attempt: integer("attempt").notNull().default(1),
    status: stepStatus("status").notNull(),
    input: storableJsonb("input"),
    // Outputs above the inline limit live in step_blobs and are referenced here.
    output: storableJsonb("output"),
    outputRef: uuid("output_ref"),
    error: storableJsonb("error"),
    // A failed attempt's classification (workflows/activities/classify-error.ts): why, and whether it is retried.
    errorCategory: text("error_category"),
    errorRetryable: boolean("error_retryable"),
    errorReason: text("error_reason"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    cpuMs: integer("cpu_ms"),
    heapPeakBytes: bigint("heap_peak_bytes", { mode: "number" }),
    netBytes: bigint("net_bytes", { mode: "number" }),
    // Sandboxed steps: the runtime's own figures (cpuMs, wallMs, queuedMs, heapPeakBytes, fetchCount, fetchBytes).
    usage: jsonb("usage"),
    // ctx.log lines of this attempt: [{ level, message, data?, at }].
    logs: storableJsonb("logs"),
    // References in the input's mapping to skipped or failed steps (workflows/mapping/reference-warnings.ts):
    // [{ field, reference, step, why, message }], at most 20, so an empty value is explained, not silent.
    warnings: jsonb("warnings").$type<{ field: string; reference: string; step: string; why: "skipped" | "failed"; message: string }[]>(),
  },
  (t) => [unique("run_steps_attempt_uq").on(t.runId, t.stepKey, t.attempt)],
);

/** Step outputs above the inline limit (256 KB), so Temporal payloads carry only a reference. */
export const stepBlobs = pgTable("step_blobs", {
  id: uuid("id").primaryKey().defaultRandom(),
  runId: text("run_id").notNull().references(() => runs.id, { onDelete: "cascade" }),
  stepKey: text("step_key").notNull(),
  data: storableJsonb("data").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
