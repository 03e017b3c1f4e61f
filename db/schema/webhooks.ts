import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { workflows, workflowVersions } from "./workflows";
import { workspaces } from "./workspaces";

/**
 * The public address of a workflow's webhook trigger. The hook id is random and unguessable; it stays the same
 * across deactivation and re-publishing, so a sender's configuration survives edits. The settings are copied
 * from the active version's trigger node (server/triggers/webhook/sync.ts), so ingest reads this row only.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hookId: text("hook_id").notNull().unique(),
    // After a URL rotation with a grace period: the old hook id, accepted until previousHookExpiresAt, then 404.
    // Unique like hook_id, so ingest finds a hook by either with one indexed query (hook_id = $1 or previous_hook_id = $1).
    previousHookId: text("previous_hook_id").unique(),
    previousHookExpiresAt: timestamp("previous_hook_expires_at", { withTimezone: true }),
    // Deliveries are deduplicated (and their run ids derived) under this key, not the hook id of the URL they came
    // to: the endpoint's first hook id, fixed at its first rotation, so a retry sent to the new URL finds the run
    // its first attempt started at the old one. Null: the current hook id (never rotated).
    deliveryScope: text("delivery_scope"),
    // Set by "Disable" in the trigger panel: the hook answers 404 and starts nothing while the workflow stays active.
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    workflowId: uuid("workflow_id").notNull().references(() => workflows.id, { onDelete: "cascade" }).unique(),
    active: boolean("active").notNull().default(false),
    // The published version a delivery starts; null until the workflow is activated.
    versionId: uuid("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    methods: text("methods").array().notNull().default(["POST"]),
    preset: text("preset").notNull().default("none"),
    // The preset's non-secret parameters (header, algorithm, encoding, prefix, tolerance).
    verification: jsonb("verification").$type<Record<string, unknown>>().notNull().default({ preset: "none" }),
    mode: text("mode").notNull().default("async"),
    syncTimeoutMs: integer("sync_timeout_ms").notNull().default(10_000),
    bodyType: text("body_type").notNull().default("json"),
    limits: jsonb("limits").$type<Record<string, number>>().notNull().default({}),
    // Sealed { current, previous? } (server/connections/seal.ts, purpose "webhook_secret"); never sent to a browser.
    secretsCiphertext: bytea("secrets_ciphertext"),
    secretsKeyVersion: integer("secrets_key_version"),
    // Non-secret facts about the secrets, so the UI can say "set" / "rotating" without decrypting.
    secretSetAt: timestamp("secret_set_at", { withTimezone: true }),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_workspace_idx").on(t.workspaceId)],
);

/**
 * The outbox of accepted deliveries. A delivery is acknowledged once this row and its run row are committed
 * (one statement); the outbox relay of a worker then starts the run in Temporal and sets `started_at`
 * (server/triggers/webhook/outbox-relay.ts). The (hook, delivery) key makes every retry of a delivery find its
 * first run, however long ago Temporal forgot it.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The endpoint's delivery scope (webhook_endpoints.delivery_scope, else its hook id), not the URL's hook id.
    hookId: text("hook_id").notNull(),
    deliveryId: text("delivery_id").notNull(),
    runId: text("run_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
  },
  (t) => [unique("webhook_deliveries_uq").on(t.hookId, t.deliveryId), index("webhook_deliveries_pending_idx").on(t.receivedAt).where(sql`started_at is null`)],
);
