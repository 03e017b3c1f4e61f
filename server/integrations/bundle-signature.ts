import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/**
 * The platform's signature over an approved integration version: Ed25519 over its slug, version and bundle
 * sha256. The worker refuses a bundle whose bytes do not hash to the stored sha256, or whose signature does not
 * verify, so a row edited in the database (new bundle bytes and a matching hash) still cannot run code nobody
 * approved. The key is JUNCTION_SIGNING_KEY (a 32-byte Ed25519 seed, base64); `npm start` generates one in
 * .data/signing-key. Format of a signature: "ed25519:<base64 of 64 bytes>".
 */
export type SignedRef = { slug: string; version: string; sha256: string };

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

export class SigningKeyError extends Error {
  override name = "SigningKeyError";
}

let cached: { source: string; privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** The process's signing key pair, from JUNCTION_SIGNING_KEY; the error names the variable, never its value. */
export function platformSigningKey(source: string | undefined = process.env.JUNCTION_SIGNING_KEY): { privateKey: KeyObject; publicKey: KeyObject } {
  if (!source) throw new SigningKeyError("JUNCTION_SIGNING_KEY is missing (npm start generates one in .data/signing-key)");
  if (cached?.source === source) return cached;
  const seed = Buffer.from(source, "base64");
  if (seed.length !== 32) throw new SigningKeyError("JUNCTION_SIGNING_KEY must be 32 bytes, base64-encoded");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: "der", type: "pkcs8" });
  cached = { source, privateKey, publicKey: createPublicKey(privateKey) };
  return cached;
}

const message = (ref: SignedRef) => Buffer.from(`junction.bundle.v1\n${ref.slug}\n${ref.version}\n${ref.sha256}`);

export function signBundle(ref: SignedRef, key = platformSigningKey().privateKey): string {
  return `ed25519:${sign(null, message(ref), key).toString("base64")}`;
}

export function bundleSignatureValid(ref: SignedRef, signature: string | null, key = platformSigningKey().publicKey): boolean {
  if (!signature?.startsWith("ed25519:")) return false;
  try {
    return verify(null, message(ref), key, Buffer.from(signature.slice("ed25519:".length), "base64"));
  } catch {
    return false;
  }
}
