import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bytea, storableJsonb } from "./columns";
import { users } from "./auth";
import { workspaces } from "./workspaces";

export const versionStatus = pgEnum("integration_version_status", [
  "pending_review",
  "approved",
  "rejected",
  "deprecated",
  "yanked",
]);

export const integrations = pgTable("integrations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
  official: boolean("official").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A submitted, immutable build: manifest plus one bundled JavaScript file and its signature. */
export const integrationVersions = pgTable(
  "integration_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    integrationId: uuid("integration_id").notNull().references(() => integrations.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    manifest: jsonb("manifest").notNull(),
    bundle: bytea("bundle").notNull(),
    sha256: text("sha256").notNull(),
    signature: text("signature"),
    status: versionStatus("status").notNull().default("pending_review"),
    checkResults: jsonb("check_results"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("integration_versions_uq").on(t.integrationId, t.version)],
);

export const reviews = pgTable("reviews", {
  id: uuid("id").primaryKey().defaultRandom(),
  versionId: uuid("version_id").notNull().references(() => integrationVersions.id, { onDelete: "cascade" }),
  reviewerId: uuid("reviewer_id").references(() => users.id, { onDelete: "set null" }),
  decision: text("decision").notNull(),
  comments: text("comments").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A workspace's use of an integration, pinned to one version with the permissions it granted. */
export const installations = pgTable(
  "installations",
  {
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").notNull().references(() => integrations.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").notNull().references(() => integrationVersions.id),
    grantedPermissions: jsonb("granted_permissions").notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.integrationId] })],
);

/**
 * ctx.store: a key/value store per installation (workspace × integration), so one workspace's data is never
 * visible to another's runs of the same integration. Values are JSON up to 256 KB (checked by the runtime).
 */
export const integrationStore = pgTable(
  "integration_store",
  {
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").notNull().references(() => integrations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: storableJsonb("value").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.integrationId, t.key] })],
);

/**
 * ctx.secrets.getOrCreate and ctx.crypto keys of one installation, sealed with the vault (AES-256-GCM bound to
 * workspace, row id and key version, like connections) and re-sealed by vault:rotate. `kind` "secret" holds a
 * random value; "ed25519" holds a private key whose public half is in `public_key` (base64, raw 32 bytes).
 */
export const integrationSecrets = pgTable(
  "integration_secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").notNull().references(() => integrations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"secret" | "ed25519">().notNull(),
    name: text("name").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    keyVersion: integer("key_version").notNull(),
    publicKey: text("public_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("integration_secrets_uq").on(t.workspaceId, t.integrationId, t.kind, t.name), index("integration_secrets_key_version_idx").on(t.keyVersion)],
);
