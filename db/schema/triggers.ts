import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, storableJsonb } from "./columns";
import { workflowVersions, workflows } from "./workflows";
import { workspaces } from "./workspaces";

/**
 * Where an integration trigger's events come from, as its published node says: the columns
 * server/triggers/trigger-node.ts `sourceColumnsOf` fills. sourceHash covers the other five; when it changes,
 * state kept for the old source (a cursor, a subscription) no longer applies. A function: each table needs
 * column builders of its own.
 */
const triggerSourceColumns = () => ({
  integration: text("integration").notNull(),
  integrationVersion: text("integration_version").notNull(),
  triggerKey: text("trigger_key").notNull(),
  connectionId: text("connection_id"),
  config: jsonb("config").notNull().default({}),
  sourceHash: text("source_hash").notNull(),
});

/**
 * One active polling trigger (a workflow whose published trigger is an integration's polling trigger). The
 * polling workflow reads this row on every poll, so a new version or interval takes effect without a restart.
 * Deactivation deletes the row: the next activation seeds again instead of firing for everything missed.
 */
export const pollingTriggers = pgTable("polling_triggers", {
  id: uuid("id").primaryKey().defaultRandom(),
  workflowId: uuid("workflow_id").notNull().unique().references(() => workflows.id, { onDelete: "cascade" }),
  workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  versionId: uuid("version_id").notNull().references(() => workflowVersions.id),
  // When the source hash changes the cursor means nothing any more.
  ...triggerSourceColumns(),
  intervalSeconds: integer("interval_seconds").notNull(),
  cursor: storableJsonb("cursor"),
  seeded: boolean("seeded").notNull().default(false),
  lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Keys of items a polling trigger has seen. runId is null for items seen by the seeding poll (they start no
 * run); startedAt is null until the run's workflow is known to have started, so a crash in between is healed
 * by the next poll. Old keys are pruned (see server/triggers/polling/state.ts for the rule).
 */
export const pollingTriggerItems = pgTable(
  "polling_trigger_items",
  {
    pollingTriggerId: uuid("polling_trigger_id").notNull().references(() => pollingTriggers.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").notNull(),
    runId: text("run_id"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.pollingTriggerId, t.dedupeKey] }), index("polling_trigger_items_seen_idx").on(t.pollingTriggerId, t.firstSeenAt)],
);

/**
 * An app-webhook trigger's registration with the third party: the hook URL (/api/hooks/app/<hookId>), the
 * secret the third party signs deliveries with (sealed like connection credentials), and the state the
 * integration's subscribe returned (e.g. the remote hook id), which unsubscribe gets back.
 */
export const appWebhookSubscriptions = pgTable(
  "app_webhook_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hookId: text("hook_id").notNull().unique(),
    // Not unique: while a workflow moves to a new source, the new subscription is made before the old one goes.
    workflowId: uuid("workflow_id").notNull().references(() => workflows.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").notNull().references(() => workflowVersions.id),
    ...triggerSourceColumns(),
    webhookUrl: text("webhook_url").notNull(),
    secretCiphertext: bytea("secret_ciphertext").notNull(),
    secretKeyVersion: integer("secret_key_version").notNull(),
    state: storableJsonb("state"),
    // pending: subscribe not yet confirmed; active: deliveries are accepted.
    status: text("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("app_webhook_subscriptions_workflow_idx").on(t.workflowId)],
);
