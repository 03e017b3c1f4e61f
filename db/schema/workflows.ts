import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { workspaces } from "./workspaces";

/** The editable workflow: a draft graph plus the pointer to what runs. */
export const workflows = pgTable(
  "workflows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // The graph as the editor saves it; validated by workflows/graph.ts (execution-engine issue).
    draftGraph: jsonb("draft_graph").notNull(),
    // Bumped on every draft save, so concurrent editors detect lost updates.
    draftRevision: integer("draft_revision").notNull().default(1),
    // The editor's undo history for this draft (app/_lib/graph-edit/history.ts), saved with it so undo works after
    // a reload; opaque to the server, bounded by the shared JSON limits, cleared by a save that sends none.
    draftHistory: jsonb("draft_history"),
    active: boolean("active").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workflows_workspace_idx").on(t.workspaceId, t.updatedAt)],
);

/** Immutable published snapshots; runs pin one of these. */
export const workflowVersions = pgTable(
  "workflow_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workflowId: uuid("workflow_id").notNull().references(() => workflows.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    graph: jsonb("graph").notNull(),
    message: text("message").notNull().default(""),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("workflow_versions_number_uq").on(t.workflowId, t.number)],
);
