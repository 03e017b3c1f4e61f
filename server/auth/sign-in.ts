import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { HashingBusyError } from "./hashing-queue";
import { burnEquivalentTime, verifyPassword } from "./password";
import { emailSchema } from "./policy";
import { attemptKeys, attemptSucceeded, cancelAttempt, claimAttempt } from "./throttle";

/** The one message for an unknown email and a wrong password alike, so sign-in reveals no accounts. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

/** A failure meant for the user; `retryAfterS` when they must wait (the route answers 429 with Retry-After). */
export class SignInError extends Error {
  override name = "SignInError";
  constructor(
    message: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

const inWords = (s: number) => (s < 120 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`);

/**
 * Checks email + password; returns the user or throws a SignInError meant for the user. `address` is the
 * caller's (server/http/client-address.ts): attempts are counted per account, per source and per both
 * (throttle.ts) before any hashing, so a blocked guess costs one statement and no scrypt.
 */
export async function verifyCredentials(db: Database, rawEmail: unknown, password: unknown, address: string | null) {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success || typeof password !== "string" || password.length === 0 || password.length > 200) {
    throw new SignInError(INVALID_CREDENTIALS);
  }
  const email = parsed.data;
  const claim = await claimAttempt(db, attemptKeys(email, address));
  if (!claim.ok) {
    const seconds = Math.ceil(claim.retryAfterMs / 1000);
    throw new SignInError(`Too many failed attempts. Try again in ${inWords(seconds)}.`, seconds);
  }
  let ok: boolean;
  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  try {
    ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : (await burnEquivalentTime(password), false);
  } catch (err) {
    if (!(err instanceof HashingBusyError)) throw err;
    await cancelAttempt(db, claim.keys); // never checked, so it counts for nothing
    throw new SignInError(err.message, err.retryAfterS);
  }
  if (!ok || !user) throw new SignInError(INVALID_CREDENTIALS);
  await attemptSucceeded(db, claim.keys);
  return { id: user.id, email: user.email, name: user.name };
}
