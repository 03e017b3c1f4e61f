import { boolean, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
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
