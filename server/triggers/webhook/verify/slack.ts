import { anyEqual } from "./constant-time";
import { decodeDigest, hmac } from "./hmac";
import { checkTimestamp, requireHeader, requireSecrets, VerificationError, type VerifyInput } from "./types";

/** Slack: X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret, "v0:<X-Slack-Request-Timestamp>:<body>")). */
export function verifySlack(toleranceSeconds: number, input: VerifyInput): void {
  const secrets = requireSecrets(input.secrets);
  const ts = requireHeader(input.headers, "x-slack-request-timestamp");
  const sig = requireHeader(input.headers, "x-slack-signature");
  checkTimestamp(ts, toleranceSeconds, input.nowMs);
  if (!sig.startsWith("v0=")) throw new VerificationError('The X-Slack-Signature header does not start with "v0="');
  const given = decodeDigest(sig.slice(3), "hex");
  if (!anyEqual([given], secrets.map((s) => hmac("sha256", s, `v0:${ts}:`, input.raw)))) throw new VerificationError("The X-Slack-Signature signature does not match");
}
