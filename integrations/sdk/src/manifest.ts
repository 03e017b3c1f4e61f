import { z } from "zod";
import {
  actionManifest,
  connectionManifest,
  exampleManifest,
  limitsManifest,
  permissionsManifest,
  rateLimitManifest,
  semver,
  triggerManifest,
  webhookManifest,
} from "./manifest-parts";

export { actionManifest, connectionManifest, triggerManifest, webhookManifest, CAPABILITIES } from "./manifest-parts";

/**
 * The manifest every integration package produces. One schema, shared by the SDK (at define time), the CLI
 * (build/validate/publish) and the server (on submission), so all three agree on what is valid.
 */
export const manifestSchema = z
  .object({
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
    triggers: z.array(triggerManifest).default([]),
    connections: z.array(connectionManifest).default([]),
    webhooks: z.array(webhookManifest).default([]),
    rateLimit: rateLimitManifest.optional(),
    permissions: permissionsManifest.default({ network: [], capabilities: [] }),
    limits: limitsManifest.optional(),
    homepage: z.url().optional(),
    repository: z.url().optional(),
    documentation: z.url().optional(),
    license: z.string().default("UNLICENSED"),
    /** npm packages bundled into the integration, name → version, for review and licence checks. */
    dependencies: z.record(z.string(), z.string()).default({}),
    minPlatformVersion: semver.default("0.1.0"),
    examples: z.array(exampleManifest).default([]),
  })
  .superRefine(crossCheck);

/** Rules that span fields: unique keys, references that must resolve. Run by the server too, not only the SDK. */
function crossCheck(m: { actions: z.output<typeof actionManifest>[]; triggers: { key: string; webhook?: string }[]; connections: { key: string }[]; webhooks: { key: string }[]; examples: { action: string }[] }, ctx: z.RefinementCtx): void {
  const unique = (list: { key: string }[], where: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.key)) ctx.addIssue({ code: "custom", path: [where, i, "key"], message: `"${item.key}" is defined twice` });
      seen.add(item.key);
    });
  };
  unique(m.actions, "actions");
  unique(m.triggers, "triggers");
  unique(m.connections, "connections");
  unique(m.webhooks, "webhooks");
  m.actions.forEach((a, i) => {
    const fields = Object.keys((a.input.properties as Record<string, unknown> | undefined) ?? {});
    a.dynamicOptions.forEach((d, j) => {
      for (const f of [d.field, ...d.dependsOn]) {
        if (!fields.includes(f)) ctx.addIssue({ code: "custom", path: ["actions", i, "dynamicOptions", j], message: `field "${f}" is not an input field of ${a.key}` });
      }
    });
  });
  const hooks = new Set(m.webhooks.map((w) => w.key));
  m.triggers.forEach((t, i) => {
    if (t.webhook !== undefined && !hooks.has(t.webhook)) ctx.addIssue({ code: "custom", path: ["triggers", i, "webhook"], message: `no webhook "${t.webhook}" is declared` });
  });
  const actions = new Set(m.actions.map((a) => a.key));
  m.examples.forEach((e, i) => {
    if (!actions.has(e.action)) ctx.addIssue({ code: "custom", path: ["examples", i, "action"], message: `no action "${e.action}"` });
  });
}

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
