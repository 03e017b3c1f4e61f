import { createHash } from "node:crypto";
import { anyEqual } from "./constant-time";
import { requireHeader, requireSecrets, VerificationError, type VerifyInput } from "./types";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The sender puts the secret itself in a header. Compared as SHA-256 digests, so lengths leak nothing either. */
export function verifySharedSecret(header: string, input: VerifyInput): void {
  const secrets = requireSecrets(input.secrets);
  const given = requireHeader(input.headers, header);
  if (!anyEqual([digest(given)], secrets.map(digest))) throw new VerificationError(`The ${header} header does not match the hook's secret`);
}
