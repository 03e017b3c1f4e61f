import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * Who changed what, when: security-relevant changes to a workspace (a webhook URL rotated, disabled, enabled).
 * Append-only. `details` holds non-secret facts only (e.g. the first characters of a hook id, never a whole
 * one or a secret). The actor is a plain id, not a foreign key, so an entry outlives the account that made it.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id"),
    // Dotted verb, e.g. "webhook.rotate".
    action: text("action").notNull(),
    // What it was done to, as "<kind>:<id>", e.g. "workflow:<uuid>".
    target: text("target").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_workspace_at_idx").on(t.workspaceId, t.at)],
);
