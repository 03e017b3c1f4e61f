/** What every verifier sees: the raw bytes as received (before any parsing or decompression), and the clock. */
export type VerifyInput = {
  raw: Buffer;
  headers: Headers;
  /** Current secret first, then the previous one during rotation; empty when none is set. */
  secrets: string[];
  nowMs: number;
};

/** A failed verification names what was wrong (for the 401 body and the log), never a secret or a digest. */
export class VerificationError extends Error {
  override name = "VerificationError";
}

export function requireHeader(headers: Headers, name: string): string {
  const v = headers.get(name);
  if (!v) throw new VerificationError(`Missing ${name} header`);
  return v;
}

export function requireSecrets(secrets: string[]): string[] {
  if (secrets.length === 0) throw new VerificationError("This hook has no secret set yet, so no delivery can be verified");
  return secrets;
}

/** Timestamps (seconds) must be within tolerance either way: a replayed old delivery is refused. */
export function checkTimestamp(seconds: string, toleranceSeconds: number, nowMs: number): number {
  if (!/^\d{1,12}$/.test(seconds)) throw new VerificationError("The signature timestamp is not a number of seconds");
  const t = Number(seconds);
  if (Math.abs(nowMs / 1000 - t) > toleranceSeconds) throw new VerificationError(`The signature timestamp is more than ${toleranceSeconds} s away from now`);
  return t;
}
