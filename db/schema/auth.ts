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
  // Copied into each session's JWT at sign-in; adding one ends every session issued before (server/auth/sessions.ts).
  sessionVersion: integer("session_version").notNull().default(1),
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
 * Sign-in attempts counted per throttling key: `pair:<email> <source>` (one source guessing one account),
 * `account:<email>` (every source, one account) and `source:<source>` (one source, every account). Kept for
 * unknown emails too, so throttling reveals nothing about which emails are registered. server/auth/throttle.ts
 * claims an attempt on all three keys in one upsert before the password is checked, so parallel guesses and
 * several web processes count alike. `free_attempts` is the key's rule: attempts allowed before backoff.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    key: text("key").primaryKey(),
    attempts: integer("attempts").notNull().default(0),
    freeAttempts: integer("free_attempts").notNull(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_last_attempt_idx").on(t.lastAttemptAt)],
);

/**
 * Password reset links. Only the token's sha256 is stored, so a database read does not hand out live links.
 * A user has at most one: a newer request deletes the older row. Used rows stay until they expire, so a reused
 * link gets "already used" rather than "not valid".
 */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);
