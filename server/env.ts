import { z } from "zod";
import { KeyringError, parseKeyring } from "./connections/keyring";

const nonEmpty = z.string().trim().min(1);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }),
    TEMPORAL_ADDRESS: nonEmpty.regex(/^[^:\s]+:\d+$/, "must be host:port, e.g. 127.0.0.1:7233"),
    TEMPORAL_NAMESPACE: nonEmpty.default("default"),
    TEMPORAL_TASK_QUEUE: nonEmpty.default("junction"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one in .data/auth-secret)"),
    NEXTAUTH_URL: z.url().optional(),
    // Where third parties reach this platform (app-webhook trigger URLs); NEXTAUTH_URL when unset.
    JUNCTION_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    // Encrypts every Temporal payload (workflows/codec.ts); web and worker must share it.
    JUNCTION_PAYLOAD_KEY: z
      .string({ error: "is missing (npm start generates one in .data/payload-key)" })
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (npm start generates one in .data/payload-key)"),
    // Seals connection credentials (server/connections/keyring.ts): "2:<key>,1:<old key>", current first.
    // Optional here so processes that never touch credentials start without it; the vault names it when missing.
    JUNCTION_VAULT_KEYS: z
      .string()
      .superRefine((v, ctx) => {
        try {
          parseKeyring(v);
        } catch (e) {
          ctx.addIssue({ code: "custom", message: e instanceof KeyringError ? e.message : "is not a valid keyring" });
        }
      })
      .optional(),
    // Signs approved integration bundles (server/integrations/bundle-signature.ts); the worker verifies them.
    JUNCTION_SIGNING_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (npm start generates one in .data/signing-key)")
      .optional(),
    GITHUB_ID: nonEmpty.optional(),
    GITHUB_SECRET: nonEmpty.optional(),
    // GitHub Enterprise Server, e.g. https://github.example.com (also how tests point at a loopback GitHub).
    GITHUB_URL: z.url({ protocol: /^https?$/ }).optional(),
    // GET /api/metrics: a scraper's bearer token (server/ops/metrics-access.ts); without it, platform admins only.
    METRICS_TOKEN: z.string().trim().min(16, "must be at least 16 characters (e.g. openssl rand -hex 32)").optional(),
    // "1" serves /api/metrics to anyone (a scraper on a private network); "0" or unset keeps it closed.
    METRICS_PUBLIC: z
      .enum(["0", "1"], { error: 'must be "1" (metrics open to anyone) or "0"' })
      .optional()
      .transform((v) => v === "1"),
    // Outgoing mail (password reset, invitations): smtp://user:pass@host:587 or smtps://...:465. Unset: mail goes to
    // the outbox table, which platform admins read at /admin/outbox (development only; see docs/security.md).
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587" }).optional(),
    MAIL_FROM: nonEmpty.max(320).default("Junction <junction@localhost>"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .refine((e) => Boolean(e.GITHUB_ID) === Boolean(e.GITHUB_SECRET), {
    message: "set both GITHUB_ID and GITHUB_SECRET to enable GitHub sign-in, or neither",
    path: ["GITHUB_SECRET"],
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates an environment; the message names every missing or bad variable, one per line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const input = { ...source, AUTH_SECRET: source.AUTH_SECRET ?? source.NEXTAUTH_SECRET };
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0] ?? "environment");
    return source[key] === undefined && i.code === "invalid_type" ? `${key} is missing` : `${key} ${i.message}`;
  });
  throw new EnvError(`Invalid environment:\n  ${lines.join("\n  ")}`);
}

let cached: Env | undefined;

/** The process environment, validated once on first use; fails fast with the variable's name. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
