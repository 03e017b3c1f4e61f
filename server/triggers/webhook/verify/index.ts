import type { VerificationConfig } from "../../../../workflows/graph";
import { verifyGithub } from "./github";
import { verifyHmac } from "./hmac";
import { verifySharedSecret } from "./shared-secret";
import { verifySlack } from "./slack";
import { verifyStandardWebhooks } from "./standard-webhooks";
import { verifyStripe } from "./stripe";
import type { VerifyInput } from "./types";

export { VerificationError } from "./types";

/** Checks a delivery against its hook's preset; throws VerificationError (→ 401, no run) when it fails. */
export function verifyDelivery(config: VerificationConfig, input: VerifyInput): void {
  switch (config.preset) {
    case "none":
      return;
    case "shared_secret":
      return verifySharedSecret(config.header, input);
    case "hmac":
      return verifyHmac(config, input);
    case "github":
      return verifyGithub(input);
    case "stripe":
      return verifyStripe(config.toleranceSeconds, input);
    case "slack":
      return verifySlack(config.toleranceSeconds, input);
    case "standard_webhooks":
      return verifyStandardWebhooks(config.toleranceSeconds, input);
  }
}

/** Headers that carry a secret itself (not a signature): replaced before the request reaches a run record. */
export function secretHeaders(config: VerificationConfig): string[] {
  return config.preset === "shared_secret" ? [config.header] : [];
}
