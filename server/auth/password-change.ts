import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { fieldError } from "../errors";
import { appUrl } from "../http/app-url";
import type { Logger } from "../log";
import { sendInBackground } from "../mail/mailer";
import { passwordChangedMail } from "../mail/templates";
import { hashPassword, verifyPassword } from "./password";
import { endSessions } from "./sessions";

/**
 * Changes a signed-in user's password after checking the current one, ending every session of the account; the
 * account's address is told by mail.
 */
export async function changePassword(db: Database, userId: string, current: string, next: string, logger?: Logger): Promise<void> {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { email: true, name: true, passwordHash: true } });
  if (!user?.passwordHash) {
    throw fieldError("currentPassword", "Your account has no password: you sign in with GitHub. To add one, use “Forgot password?” on the sign-in page.");
  }
  if (!(await verifyPassword(current, user.passwordHash))) throw fieldError("currentPassword", "Your current password is incorrect.");
  if (current === next) throw fieldError("newPassword", "Choose a password different from your current one.");
  const passwordHash = await hashPassword(next);
  // Every session ends with the old password (one that leaked is no use afterwards); the browser that changed it
  // signs in again with the new one (password-form.tsx).
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await endSessions(tx, userId, "password-change");
  });
  sendInBackground(db, passwordChangedMail(user.email, { name: user.name, url: appUrl("/forgot-password").toString() }), "password-changed", logger);
}
