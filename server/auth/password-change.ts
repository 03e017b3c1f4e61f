import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { fieldError } from "../errors";
import { appUrl } from "../http/app-url";
import type { Logger } from "../log";
import { sendInBackground } from "../mail/mailer";
import { passwordChangedMail } from "../mail/templates";
import { hashPassword, verifyPassword } from "./password";

/** Changes a signed-in user's password after checking the current one; the account's address is told by mail. */
export async function changePassword(db: Database, userId: string, current: string, next: string, logger?: Logger): Promise<void> {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { email: true, name: true, passwordHash: true } });
  if (!user?.passwordHash) {
    throw fieldError("currentPassword", "Your account has no password: you sign in with GitHub. To add one, use “Forgot password?” on the sign-in page.");
  }
  if (!(await verifyPassword(current, user.passwordHash))) throw fieldError("currentPassword", "Your current password is incorrect.");
  if (current === next) throw fieldError("newPassword", "Choose a password different from your current one.");
  await db.update(users).set({ passwordHash: await hashPassword(next), updatedAt: new Date() }).where(eq(users.id, userId));
  sendInBackground(db, passwordChangedMail(user.email, { name: user.name, url: appUrl("/forgot-password").toString() }), "password-changed", logger);
}
