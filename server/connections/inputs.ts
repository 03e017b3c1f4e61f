import { z } from "zod";

/**
 * Inputs of the connection procedures. Messages name the field because zod's flattened errors group nested
 * paths under their first key ("fields"). Secret values are never echoed back in any message.
 */
export const CONNECTION_KINDS = ["api_key", "basic", "custom", "oauth2"] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const fieldName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "Field names start with a letter and use letters, digits and _ (at most 64)");
const secret = (label: string) => z.string({ error: `${label} is required` }).min(1, `${label} is required`).max(16_384, `${label} is too long (16 KB at most)`);

const name = z.string({ error: "Give the connection a name" }).trim().min(1, "Give the connection a name").max(120, "Use at most 120 characters");
const integrationSlug = z
  .string({ error: "Choose the integration" })
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "An integration slug uses lowercase letters, digits and dashes");
const base = { name, integrationSlug };

export const createInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...base, kind: z.literal("api_key"), fields: z.object({ apiKey: secret("apiKey: the API key") }) }),
    z.object({ ...base, kind: z.literal("basic"), fields: z.object({ username: secret("username"), password: secret("password") }) }),
    z.object({
      ...base,
      kind: z.literal("custom"),
      fields: z.record(fieldName, secret("Each field's value")).refine((f) => Object.keys(f).length > 0, "Add at least one field"),
    }),
  ],
  { error: 'kind must be "api_key", "basic" or "custom" (OAuth2 connections start with oauthStart)' },
);
export type CreateInput = z.infer<typeof createInput>;

export const connectionId = z.object({ connectionId: z.uuid("Not a connection id") });

export const updateInput = connectionId.extend({
  name: name.optional(),
  set: z.record(fieldName, secret("Each field's value")).optional(),
  unset: z.array(fieldName).max(64).optional(),
});
export type UpdateInput = z.infer<typeof updateInput>;

const httpUrl = (label: string) => z.url({ protocol: /^https?$/, error: `${label} must be an http(s) URL` });

export const oauthStartInput = z.object({
  ...base,
  authorizeUrl: httpUrl("authorizeUrl"),
  tokenUrl: httpUrl("tokenUrl"),
  clientId: z.string().trim().min(1, "clientId is required").max(512),
  clientSecret: secret("clientSecret"),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, "A scope has no spaces or quotes")).max(50).default([]),
  // How the client authenticates at the token endpoint (RFC 6749 §2.3.1): HTTP Basic is the default.
  clientAuth: z.enum(["basic", "post"]).default("basic"),
});
export type OAuthStartInput = z.infer<typeof oauthStartInput>;
