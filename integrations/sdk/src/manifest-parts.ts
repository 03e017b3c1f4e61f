import { z } from "zod";

/**
 * The pieces of the manifest, one schema each. manifest.ts assembles them; nothing else should build its own
 * copy, so the SDK, the CLI and the server keep agreeing on what is valid.
 */
export const key = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "use snake_case: lower-case letters, digits and _ (e.g. send_message)");
export const semver = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, "must be a semantic version like 1.2.3");
/** A JSON Schema document (draft 2020-12) as z.toJSONSchema produces it; the editor renders forms from it. */
export const jsonSchema = z.record(z.string(), z.unknown());
const label = z.string().min(1).max(80);
const description = z.string().min(1).max(500);

/** A field whose choices the editor loads live (e.g. "list channels"), possibly after other fields are set. */
export const dynamicOptionsManifest = z.object({
  field: z.string().min(1),
  dependsOn: z.array(z.string()).default([]),
  searchable: z.boolean().default(false),
});

export const actionManifest = z.object({
  key,
  name: label,
  description,
  input: jsonSchema,
  output: jsonSchema,
  dynamicOptions: z.array(dynamicOptionsManifest).default([]),
});

export const triggerManifest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), key, name: label, description, input: jsonSchema.default({}), output: jsonSchema.default({}), webhook: z.string().optional() }),
  z.object({
    kind: z.literal("polling"),
    key,
    name: label,
    description,
    input: jsonSchema.default({}),
    output: jsonSchema.default({}),
    /** The shortest interval the platform may poll at; protects the third party's rate limit. */
    minIntervalSeconds: z.number().int().min(30).default(300),
  }),
]);

const connectionBase = { key, name: label, description: z.string().max(500).default(""), testable: z.boolean().default(false) };
export const oauth2Manifest = z.object({
  ...connectionBase,
  kind: z.literal("oauth2"),
  authorizeUrl: z.url(),
  tokenUrl: z.url(),
  scopes: z.array(z.string()).default([]),
  /** Authorization code with PKCE (S256) is the only grant: the platform never sees the user's password. */
  pkce: z.literal(true).default(true),
  extraAuthorizeParams: z.record(z.string(), z.string()).default({}),
  refresh: z.object({ enabled: z.boolean().default(true), beforeExpirySeconds: z.number().int().min(0).default(300) }).default({ enabled: true, beforeExpirySeconds: 300 }),
});
export const connectionManifest = z.discriminatedUnion("kind", [
  z.object({ ...connectionBase, kind: z.literal("api_key"), fields: jsonSchema }),
  z.object({ ...connectionBase, kind: z.literal("basic"), fields: jsonSchema }),
  z.object({ ...connectionBase, kind: z.literal("custom"), fields: jsonSchema }),
  oauth2Manifest,
]);

/** How the platform verifies deliveries to an integration's webhook triggers before a run starts. */
export const webhookManifest = z.object({
  key,
  verification: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("hmac_sha256"), header: z.string().min(1), prefix: z.string().default(""), encoding: z.enum(["hex", "base64"]).default("hex") }),
    z.object({ kind: z.literal("token"), header: z.string().min(1) }),
  ]),
});

export const CAPABILITIES = ["store", "secrets", "crypto.sign"] as const;
export const permissionsManifest = z.object({
  /** Hosts ctx.http.fetch may reach: exact, `*.example.com`, or `*`. */
  network: z.array(z.string().min(1)).default([]),
  capabilities: z.array(z.enum(CAPABILITIES)).default([]),
});

export const rateLimitManifest = z.object({
  requests: z.number().int().positive(),
  perSeconds: z.number().int().positive(),
  scope: z.enum(["connection", "integration"]).default("connection"),
});

export const exampleManifest = z.object({
  title: label,
  description: z.string().max(500).default(""),
  action: key,
  input: z.record(z.string(), z.unknown()),
  output: z.unknown().optional(),
});

/**
 * Per-execution limits the integration asks for (a step may ask for its own, within the platform's maxima).
 * heapMb defaults to 128, at most 512; cpuMs at most 300 000; wallMs at most 900 000.
 */
export const limitsManifest = z
  .object({
    heapMb: z.number().int().min(8).max(512),
    cpuMs: z.number().int().min(1).max(300_000),
    wallMs: z.number().int().min(1).max(900_000),
    fetchCount: z.number().int().min(0).max(1_000),
    fetchBytes: z.number().int().min(0).max(256 * 1024 * 1024),
  })
  .partial();
