import { z } from "zod";

/**
 * The manifest every integration package produces. One schema, shared by the SDK (at define time), the CLI
 * (validate/publish) and the server (on submission), so all three agree on what is valid.
 */
const key = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "use snake_case: lower-case letters, digits and _ (e.g. send_message)");
const semver = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, "must be a semantic version like 1.2.3");
const jsonSchema = z.record(z.string(), z.unknown());

export const actionManifest = z.object({
  key,
  name: z.string().min(1).max(80),
  description: z.string().min(1).max(500),
  input: jsonSchema,
  output: jsonSchema,
});

export const manifestSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, "use kebab-case: lower-case letters, digits and - (e.g. google-sheets)"),
  name: z.string().min(1).max(80),
  version: semver,
  author: z.string().min(1),
  description: z.string().min(1).max(200),
  longDescription: z.string().max(20_000).default(""),
  icon: z.string().optional(),
  categories: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  actions: z.array(actionManifest).default([]),
  triggers: z.array(z.object({ key, name: z.string(), description: z.string(), kind: z.enum(["webhook", "polling"]) })).default([]),
  connections: z.array(z.object({ key, name: z.string(), kind: z.enum(["api_key", "basic", "oauth2", "custom"]) })).default([]),
  permissions: z.object({ network: z.array(z.string()).default([]), capabilities: z.array(z.string()).default([]) }).default({ network: [], capabilities: [] }),
  homepage: z.url().optional(),
  repository: z.url().optional(),
  documentation: z.url().optional(),
  license: z.string().default("UNLICENSED"),
  minPlatformVersion: semver.default("0.1.0"),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;

/** Validates a manifest; the error lists every problem with its path, e.g. `actions.0.key: use snake_case…`. */
export function parseManifest(value: unknown): Manifest {
  const result = manifestSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join(".") || "(manifest)"}: ${i.message}`);
  throw new ManifestError(lines);
}

export class ManifestError extends Error {
  override name = "ManifestError";
  constructor(readonly problems: string[]) {
    super(`Invalid integration manifest:\n  ${problems.join("\n  ")}`);
  }
}
