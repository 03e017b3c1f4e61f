/**
 * One nesting-depth limit and one size limit for every JSON value Junction accepts from outside and stores as
 * jsonb: step outputs, trigger payloads, run inputs, store values, app and step config. Deep values are the
 * hazard: Node's structured clone, JSON.stringify, superjson and Postgres all recurse, so a value 3,000 levels
 * deep can overflow a stack far from where it came in. A real workload never nests past a few dozen levels.
 *
 * The defaults are documented in the README's configuration table; the environment can raise or lower them.
 */
export type JsonLimits = {
  /** Deepest nesting of arrays and objects; a scalar is depth 0, `{}` and `[]` are 1, `{"a":[]}` is 2. */
  maxDepth: number;
  /** Largest value, as bytes of UTF-8 JSON text. */
  maxBytes: number;
};

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = Object.freeze({ maxDepth: 128, maxBytes: 1024 * 1024 });

const RANGES = {
  maxDepth: { env: "JUNCTION_JSON_MAX_DEPTH", min: 8, max: 1000 },
  maxBytes: { env: "JUNCTION_JSON_MAX_BYTES", min: 1024, max: 16 * 1024 * 1024 },
} as const;

/** The limits in force: the defaults, overridden by the environment. A bad setting throws, naming it. */
export function jsonLimits(env: Record<string, string | undefined> = process.env): JsonLimits {
  const limits = { ...DEFAULT_JSON_LIMITS };
  for (const key of Object.keys(RANGES) as (keyof JsonLimits)[]) {
    const { env: name, min, max } = RANGES[key];
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}".`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Why a value was refused; `message` names the limit and the value, ready for the person reading it. */
export type JsonLimitViolation = { kind: "depth" | "bytes"; limit: number; message: string };

export function depthViolation(what: string, limit: number): JsonLimitViolation {
  return { kind: "depth", limit, message: `${what} nested deeper than ${limit} levels (limit JUNCTION_JSON_MAX_DEPTH).` };
}

export function bytesViolation(what: string, limit: number, bytes: number): JsonLimitViolation {
  return { kind: "bytes", limit, message: `${what} is ${bytes} bytes of JSON, more than ${limit} (limit JUNCTION_JSON_MAX_BYTES).` };
}
