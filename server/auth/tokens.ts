import { createHash, randomBytes } from "node:crypto";

/**
 * One-time link tokens (password reset, workspace invitations): 32 random bytes, base64url, sent only by email.
 * The database keeps the sha256 alone; a token has enough entropy that an unsalted fast hash is safe, and it lets a
 * presented token be found by an index lookup.
 */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
