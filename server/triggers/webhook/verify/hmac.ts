import { createHmac } from "node:crypto";
import { anyEqual } from "./constant-time";
import { requireHeader, requireSecrets, VerificationError, type VerifyInput } from "./types";

export type HmacParams = { header: string; algorithm: "sha1" | "sha256" | "sha512"; encoding: "hex" | "base64"; prefix: string };

export const hmac = (algorithm: string, key: string | Buffer, ...parts: (string | Buffer)[]): Buffer => {
  const h = createHmac(algorithm, key);
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Decodes a transmitted digest; a malformed one is a failed verification, not an error. */
export function decodeDigest(text: string, encoding: "hex" | "base64"): Buffer {
  const ok = encoding === "hex" ? /^[0-9a-fA-F]+$/.test(text) : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text);
  if (!ok) throw new VerificationError(`The signature is not ${encoding}`);
  return Buffer.from(text, encoding);
}

/** Generic HMAC of the raw body: header = prefix + encode(HMAC(secret, body)). */
export function verifyHmac(p: HmacParams, input: VerifyInput): void {
  const secrets = requireSecrets(input.secrets);
  const value = requireHeader(input.headers, p.header).trim();
  if (!value.startsWith(p.prefix)) throw new VerificationError(`The ${p.header} header does not start with "${p.prefix}"`);
  const given = decodeDigest(value.slice(p.prefix.length), p.encoding);
  if (!anyEqual([given], secrets.map((s) => hmac(p.algorithm, s, input.raw)))) throw new VerificationError(`The ${p.header} signature does not match`);
}
