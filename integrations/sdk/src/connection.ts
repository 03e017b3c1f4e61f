import { z } from "zod";
import type { ActionContext } from "./context";
import { ConnectionError } from "./errors";

/** A connection test gets the candidate credentials and may call the API; it throws to say they do not work. */
export type ConnectionTest<V> = (ctx: Omit<ActionContext<undefined, V>, "input">) => Promise<void> | void;

type Base<V> = { key: string; name: string; description?: string; test?: ConnectionTest<V> };

const apiKeyFields = z.object({ apiKey: z.string().min(1).describe("API key") });
const basicFields = z.object({ username: z.string().min(1), password: z.string() });
/** What the vault hands an action for an OAuth2 connection; it refreshes the token before the step runs. */
const oauth2Fields = z.object({ accessToken: z.string().min(1), tokenType: z.string().default("Bearer"), expiresAt: z.string().optional(), scope: z.string().optional() });

export type OAuth2Settings = {
  authorizeUrl: string;
  tokenUrl: string;
  scopes?: string[];
  extraAuthorizeParams?: Record<string, string>;
  refresh?: { enabled?: boolean; beforeExpirySeconds?: number };
};

export type ConnectionSpec<F extends z.ZodType> =
  | ({ kind: "api_key" } & Base<z.output<typeof apiKeyFields>>)
  | ({ kind: "basic" } & Base<z.output<typeof basicFields>>)
  | ({ kind: "oauth2" } & OAuth2Settings & Base<z.output<typeof oauth2Fields>>)
  | ({ kind: "custom"; fields: F } & Base<z.output<F>>);

type ValueOf<S> = S extends { kind: "api_key" }
  ? z.output<typeof apiKeyFields>
  : S extends { kind: "basic" }
    ? z.output<typeof basicFields>
    : S extends { kind: "oauth2" }
      ? z.output<typeof oauth2Fields>
      : S extends { kind: "custom"; fields: infer F extends z.ZodType }
        ? z.output<F>
        : never;

export type ConnectionDefinition<V = unknown> = {
  key: string;
  name: string;
  kind: "api_key" | "basic" | "oauth2" | "custom";
  fields: z.ZodType<V>;
  spec: ConnectionSpec<z.ZodType>;
  test?: ConnectionTest<V>;
  /** The step's ctx.connection as typed credentials; throws ConnectionError naming what is missing. */
  parse(value: unknown): V;
};

export function defineConnection<const S extends ConnectionSpec<z.ZodType>>(spec: S): ConnectionDefinition<ValueOf<S>> {
  const fields = (spec.kind === "api_key" ? apiKeyFields : spec.kind === "basic" ? basicFields : spec.kind === "oauth2" ? oauth2Fields : spec.fields) as z.ZodType<ValueOf<S>>;
  return {
    key: spec.key,
    name: spec.name,
    kind: spec.kind,
    fields,
    spec,
    test: spec.test as ConnectionTest<ValueOf<S>> | undefined,
    parse(value) {
      if (value === undefined || value === null) throw new ConnectionError(`This step needs a "${spec.name}" connection.`);
      const result = fields.safeParse(value);
      if (result.success) return result.data;
      const problems = result.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`);
      throw new ConnectionError(`The "${spec.name}" connection is incomplete: ${problems.join("; ")}`);
    },
  };
}

export function connectionManifestOf(c: ConnectionDefinition) {
  const s = c.spec;
  const base = { key: s.key, name: s.name, description: s.description ?? "", testable: s.test !== undefined };
  if (s.kind === "oauth2") {
    return { ...base, kind: s.kind, authorizeUrl: s.authorizeUrl, tokenUrl: s.tokenUrl, scopes: s.scopes, extraAuthorizeParams: s.extraAuthorizeParams, refresh: s.refresh && { enabled: s.refresh.enabled ?? true, beforeExpirySeconds: s.refresh.beforeExpirySeconds ?? 300 } };
  }
  return { ...base, kind: s.kind, fields: z.toJSONSchema(c.fields, { io: "input" }) as Record<string, unknown> };
}
