import { anyEqual } from "./constant-time";
import { decodeDigest, hmac } from "./hmac";
import { checkTimestamp, requireHeader, requireSecrets, VerificationError, type VerifyInput } from "./types";

/**
 * Stripe: Stripe-Signature = "t=<seconds>,v1=<hex>,v1=<hex>,…"; each v1 is HMAC-SHA256(secret, "<t>.<body>").
 * Several v1 values arrive while Stripe itself rotates a secret; any one matching any of our secrets passes.
 */
export function verifyStripe(toleranceSeconds: number, input: VerifyInput): void {
  const secrets = requireSecrets(input.secrets);
  const header = requireHeader(input.headers, "stripe-signature");
  let t: string | undefined;
  const v1: Buffer[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    const [k, v] = [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    if (k === "t") t = v;
    else if (k === "v1" && /^[0-9a-f]{64}$/i.test(v)) v1.push(decodeDigest(v, "hex"));
  }
  if (!t) throw new VerificationError("The Stripe-Signature header has no timestamp (t=)");
  if (v1.length === 0) throw new VerificationError("The Stripe-Signature header has no v1 signature");
  checkTimestamp(t, toleranceSeconds, input.nowMs);
  if (!anyEqual(v1, secrets.map((s) => hmac("sha256", s, `${t}.`, input.raw)))) throw new VerificationError("No v1 signature in Stripe-Signature matches");
}
