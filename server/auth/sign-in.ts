import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { burnEquivalentTime, verifyPassword } from "./password";
import { emailSchema } from "./policy";
import { clearFailures, recordFailure, remainingWait } from "./throttle";

/** The one message for an unknown email and a wrong password alike, so sign-in reveals no accounts. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

export class SignInError extends Error {
  override name = "SignInError";
}

/** Checks email + password with throttling; returns the user or throws a SignInError meant for the user. */
export async function verifyCredentials(db: Database, rawEmail: unknown, password: unknown) {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success || typeof password !== "string" || password.length === 0 || password.length > 200) {
    throw new SignInError(INVALID_CREDENTIALS);
  }
  const email = parsed.data;
  const wait = await remainingWait(db, email);
  if (wait > 0) {
    throw new SignInError(`Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`);
  }
  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : (await burnEquivalentTime(password), false);
  if (!ok || !user) {
    await recordFailure(db, email);
    throw new SignInError(INVALID_CREDENTIALS);
  }
  await clearFailures(db, email);
  return { id: user.id, email: user.email, name: user.name };
}
