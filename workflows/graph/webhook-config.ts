import { z } from "zod";

/**
 * Settings of a webhook trigger, kept on the trigger node of the graph (so they are versioned with it and
 * published with it). Secrets are NOT here: they are sealed in webhook_endpoints and never reach the graph,
 * the browser or a run. server/triggers/webhook/sync.ts copies these settings to the endpoint on activation.
 */
export const WEBHOOK_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];

export const VERIFICATION_PRESETS = ["none", "shared_secret", "hmac", "github", "stripe", "slack", "standard_webhooks"] as const;
export type VerificationPreset = (typeof VERIFICATION_PRESETS)[number];

/** Temporal refuses payloads above 2 MB; the parsed body travels in the run's input, so it stays well below. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const headerName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Not a valid HTTP header name");
const tolerance = z.number().int().min(30).max(3600).default(300);

export const verificationConfig = z.discriminatedUnion("preset", [
  z.object({ preset: z.literal("none") }),
  z.object({ preset: z.literal("shared_secret"), header: headerName.default("x-webhook-secret") }),
  z.object({
    preset: z.literal("hmac"),
    header: headerName.default("x-signature"),
    algorithm: z.enum(["sha1", "sha256", "sha512"]).default("sha256"),
    encoding: z.enum(["hex", "base64"]).default("hex"),
    // Text before the digest in the header, e.g. "sha256=".
    prefix: z.string().max(40).default(""),
  }),
  z.object({ preset: z.literal("github") }),
  z.object({ preset: z.literal("stripe"), toleranceSeconds: tolerance }),
  z.object({ preset: z.literal("slack"), toleranceSeconds: tolerance }),
  z.object({ preset: z.literal("standard_webhooks"), toleranceSeconds: tolerance }),
]);
export type VerificationConfig = z.infer<typeof verificationConfig>;

export const webhookLimits = z.object({
  maxBodyBytes: z.number().int().min(1).max(MAX_WEBHOOK_BODY_BYTES).default(512 * 1024),
  // A gzip bomb is small on the wire; this caps what decompression may produce.
  maxDecompressedBytes: z.number().int().min(1).max(MAX_WEBHOOK_BODY_BYTES).default(MAX_WEBHOOK_BODY_BYTES),
  ratePerSecond: z.number().min(0.1).max(100_000).default(100),
  burst: z.number().int().min(1).max(100_000).default(200),
});
export type WebhookLimits = z.infer<typeof webhookLimits>;

export const webhookConfig = z.object({
  methods: z.array(z.enum(WEBHOOK_METHODS)).min(1, "Allow at least one method").default(["POST"]),
  // async: 202 with the run id at once. sync: wait for a Webhook Response step (or the last step) up to syncTimeoutMs.
  mode: z.enum(["async", "sync"]).default("async"),
  syncTimeoutMs: z.number().int().min(100).max(30_000).default(10_000),
  // How the body is parsed; the request's Content-Type must match it (binary accepts any and passes base64).
  body: z.enum(["json", "form", "text", "binary"]).default("json"),
  verification: verificationConfig.prefault({ preset: "none" }),
  limits: webhookLimits.prefault({}),
});
export type WebhookConfig = z.infer<typeof webhookConfig>;
export type WebhookConfigInput = z.input<typeof webhookConfig>;

/** The trigger node's webhook settings with every default filled in. */
export function webhookSettings(raw: unknown): WebhookConfig {
  return webhookConfig.parse(raw ?? {});
}
