import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
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
    // Names of the sealed fields, so the API can say which are set without decrypting anything.
    fieldNames: jsonb("field_names").$type<string[]>().notNull().default([]),
    // Non-secret settings (OAuth endpoints, client id, scopes); secrets go in the ciphertext only.
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    oauthExpiresAt: timestamp("oauth_expires_at", { withTimezone: true }),
    health: text("health").notNull().default("unknown"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connections_workspace_idx").on(t.workspaceId), index("connections_key_version_idx").on(t.keyVersion)],
);

/**
 * One OAuth2 authorization in flight: bound to the user and workspace that started it, single-use (used_at),
 * expiring. Only the state's SHA-256 is stored; the PKCE verifier and client secret are sealed like credentials.
 */
export const oauthStates = pgTable("oauth_states", {
  id: uuid("id").primaryKey().defaultRandom(),
  stateHash: text("state_hash").notNull().unique(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  integrationSlug: text("integration_slug").notNull(),
  name: text("name").notNull(),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  ciphertext: bytea("ciphertext").notNull(),
  keyVersion: integer("key_version").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
