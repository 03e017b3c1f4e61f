import { createPublicKey, verify as verifySignature, type KeyObject } from "node:crypto";
import { anyEqual } from "./constant-time";
import { hmac } from "./hmac";
import { checkTimestamp, requireHeader, requireSecrets, VerificationError, type VerifyInput } from "./types";

/**
 * Standard Webhooks (standardwebhooks.com): content "<webhook-id>.<webhook-timestamp>.<body>"; webhook-signature
 * is a space-separated list of "v1,<base64 HMAC-SHA256>" (secret "whsec_<base64 key>") and
 * "v1a,<base64 Ed25519 signature>" (the sender's public key, "whpk_<base64 32 bytes>"). Any valid entry passes.
 */
export function verifyStandardWebhooks(toleranceSeconds: number, input: VerifyInput): void {
  const secrets = requireSecrets(input.secrets);
  const id = requireHeader(input.headers, "webhook-id");
  const ts = requireHeader(input.headers, "webhook-timestamp");
  const header = requireHeader(input.headers, "webhook-signature");
  checkTimestamp(ts, toleranceSeconds, input.nowMs);
  const content = Buffer.concat([Buffer.from(`${id}.${ts}.`), input.raw]);
  const v1: Buffer[] = [];
  const v1a: Buffer[] = [];
  for (const entry of header.split(" ")) {
    const [version, sig] = entry.split(",", 2);
    if (!sig || !/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) continue;
    if (version === "v1") v1.push(Buffer.from(sig, "base64"));
    else if (version === "v1a") v1a.push(Buffer.from(sig, "base64"));
  }
  if (v1.length === 0 && v1a.length === 0) throw new VerificationError("The webhook-signature header has no v1 or v1a signature");
  const symmetric = secrets.filter((s) => !s.startsWith("whpk_")).map((s) => hmac("sha256", Buffer.from(s.replace(/^whsec_/, ""), "base64"), content));
  let ok = v1.length > 0 && anyEqual(v1, symmetric);
  // Ed25519 verification is not a byte comparison; crypto.verify's timing does not depend on the secret here (a public key).
  for (const key of secrets.filter((s) => s.startsWith("whpk_")).map(publicKey)) for (const sig of v1a) ok = verifySignature(null, content, key, sig) || ok;
  if (!ok) throw new VerificationError("No signature in webhook-signature matches");
}

function publicKey(secret: string): KeyObject {
  const raw = Buffer.from(secret.slice("whpk_".length), "base64");
  if (raw.length !== 32) throw new VerificationError("The hook's Ed25519 public key (whpk_…) is not 32 bytes");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}
