import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { storableJsonb } from "./columns";
import { workflowVersions, workflows } from "./workflows";
import { workspaces } from "./workspaces";

/**
 * A named test fixture of a workflow: trigger data (and optionally step outputs pinned in place of running those
 * steps) for the editor's test runs. Kept apart from the graph on purpose, so publishing can never carry it into
 * production; runs.fixture_id may name one only on a test run of the draft (a check constraint on runs).
 */
export const workflowFixtures = pgTable(
  "workflow_fixtures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    workflowId: uuid("workflow_id").notNull().references(() => workflows.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The trigger data a test run starts with: the shape a delivery gives (method, headers, query, body).
    trigger: storableJsonb("trigger").notNull(),
    // Step outputs used instead of running the step, by step key ("fetch", "each[2].notify"); null: none.
    pinned: storableJsonb("pinned"),
    // Provenance: "run" (copied from run source_run_id), "manual" (entered in the form), "edited" (changed since).
    source: text("source").notNull(),
    // Not a foreign key: the fixture outlives the run it was copied from (runs are pruned, fixtures are kept).
    sourceRunId: text("source_run_id"),
    // What it was made against: the draft revision at the time and, for a run's data, the version that run pinned.
    draftRevision: integer("draft_revision").notNull(),
    versionId: uuid("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    sizeBytes: integer("size_bytes").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("workflow_fixtures_name_uq").on(t.workflowId, t.name), index("workflow_fixtures_workflow_idx").on(t.workflowId, t.createdAt)],
);
