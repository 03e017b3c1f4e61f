import { verifyHmac } from "./hmac";
import type { VerifyInput } from "./types";

/** GitHub: X-Hub-Signature-256 = "sha256=" + hex(HMAC-SHA256(secret, body)). */
export function verifyGithub(input: VerifyInput): void {
  verifyHmac({ header: "x-hub-signature-256", algorithm: "sha256", encoding: "hex", prefix: "sha256=" }, input);
}
