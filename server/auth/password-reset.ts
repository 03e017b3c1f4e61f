import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { passwordResetTokens, users } from "../../db/schema";
import { DomainError } from "../errors";
import { appUrl } from "../http/app-url";
import type { Logger } from "../log";
import { sendInBackground } from "../mail/mailer";
import { passwordResetMail } from "../mail/templates";
import { endSessions } from "./sessions";
import { hashPassword } from "./password";
import { hashLinkToken, newLinkToken } from "./tokens";

export const RESET_LINK_MINUTES = 30;
/** A second request within this many seconds sends nothing: a form cannot be used to flood someone's inbox. */
export const RESET_RESEND_SECONDS = 60;

/**
 * Mails a reset link when an account uses this (normalised) email; does nothing otherwise, and the caller answers
 * the same either way. One statement does the lookup, the replacement of any older link and the insert, so both
 * cases cost one round trip; the mail goes out after the response.
 */
export async function requestPasswordReset(db: Database, email: string, logger?: Logger): Promise<void> {
  const { token, hash } = newLinkToken();
  const rows = await db.execute<{ name: string; email: string }>(sql`
    with u as (select id, name, email from users where email = ${email}),
    recent as (
      select 1 from ${passwordResetTokens} t join u on t.user_id = u.id
      where t.created_at > now() - make_interval(secs => ${RESET_RESEND_SECONDS})
    ),
    replaced as (delete from ${passwordResetTokens} t using u where t.user_id = u.id and not exists (select 1 from recent)),
    issued as (
      insert into ${passwordResetTokens} (token_hash, user_id, expires_at)
      select ${hash}, u.id, now() + make_interval(mins => ${RESET_LINK_MINUTES}) from u where not exists (select 1 from recent)
      returning user_id
    )
    select u.name, u.email from u join issued on issued.user_id = u.id`);
  const user = rows.rows[0];
  if (!user) return;
  // In the fragment: a browser never sends it to a server, so the token stays out of access logs and Referer headers.
  const url = appUrl(`/reset-password#token=${token}`).toString();
  sendInBackground(db, passwordResetMail(user.email, { name: user.name, url, minutes: RESET_LINK_MINUTES }), "password-reset", logger);
}

export const RESET_LINK_UNKNOWN = "This reset link is not valid: a newer link may have replaced it. Request a new one.";
export const RESET_LINK_USED = "This reset link was already used. Request a new one if you still need to reset your password.";
export const RESET_LINK_EXPIRED = `This reset link has expired (links last ${RESET_LINK_MINUTES} minutes). Request a new one.`;

/**
 * Sets a new password with a reset link's token. The token is spent in the same transaction that changes the
 * password, so two uses of one link cannot both succeed. Returns the user's id.
 */
export async function resetPassword(db: Database, token: string, password: string): Promise<{ userId: string }> {
  const hash = hashLinkToken(token);
  const row = await db.query.passwordResetTokens.findFirst({ where: eq(passwordResetTokens.tokenHash, hash) });
  if (!row) throw new DomainError("BAD_REQUEST", RESET_LINK_UNKNOWN);
  if (row.usedAt) throw new DomainError("BAD_REQUEST", RESET_LINK_USED);
  if (row.expiresAt.getTime() <= Date.now()) throw new DomainError("BAD_REQUEST", RESET_LINK_EXPIRED);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.tokenHash, hash), sql`${passwordResetTokens.usedAt} is null`, sql`${passwordResetTokens.expiresAt} > now()`))
      .returning({ userId: passwordResetTokens.userId });
    if (spent.length === 0) throw new DomainError("BAD_REQUEST", RESET_LINK_USED);
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.userId));
    // Whoever had the old password (the reason for many resets) is signed out everywhere.
    await endSessions(tx, row.userId, "password-reset");
    return { userId: row.userId };
  });
}
