import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Mail written here instead of sent, when no SMTP_URL is configured (server/mail/mailer.ts): a development
 * install's "mailbox", which platform admins read at /admin/outbox. It holds live reset and invitation links,
 * which is why only platform admins can read it and why production installs set SMTP_URL (docs/security.md).
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_outbox_created_idx").on(t.createdAt)],
);
