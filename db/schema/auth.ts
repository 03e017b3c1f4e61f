import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Platform-wide role, separate from workspace membership: who may publish integrations and who reviews them. */
export const platformRole = pgEnum("platform_role", ["user", "developer", "admin"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased and trimmed; uniqueness is on that normal form.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  image: text("image"),
  // scrypt hash in PHC-like form; null for accounts created through OAuth only.
  passwordHash: text("password_hash"),
  platformRole: platformRole("platform_role").notNull().default("user"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** OAuth identities linked to a user (GitHub today). */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

/**
 * Failed sign-in bookkeeping per normalised email, whether or not the account exists,
 * so throttling reveals nothing about which emails are registered.
 */
export const signInFailures = pgTable("sign_in_failures", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
});
