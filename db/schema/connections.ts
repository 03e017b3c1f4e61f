import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { workspaces } from "./workspaces";

/** Credentials for a third-party service, sealed with AES-256-GCM; plaintext never leaves the worker. */
export const connections = pgTable(
  "connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    integrationSlug: text("integration_slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    keyVersion: integer("key_version").notNull(),
    oauthExpiresAt: timestamp("oauth_expires_at", { withTimezone: true }),
    health: text("health").notNull().default("unknown"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connections_workspace_idx").on(t.workspaceId)],
);
