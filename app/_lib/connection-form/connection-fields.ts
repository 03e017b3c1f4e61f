/**
 * The "connect new" dialog's form for a custom connection: the manifest's `fields` JSON Schema, with the fields
 * that hold a secret (token, password, API key, secret) drawn masked, and the form's values turned into what
 * connection.create takes (every field a non-empty string). Bounded walk: manifests come from third parties.
 */
type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

const SECRET_NAME = /(token|password|secret|api_?key|private_?key)$/i;
const MAX_NODES = 2_000;

/** A copy of the schema where a string property named like a secret is `format: "password"` (masked in the form). */
export function maskSecretFields(schema: unknown): Schema {
  const root = isObject(schema) ? structuredClone(schema) : {};
  const stack: unknown[] = [root];
  for (let seen = 0; stack.length > 0 && seen < MAX_NODES; seen++) {
    const s = stack.pop();
    if (Array.isArray(s)) {
      stack.push(...s);
      continue;
    }
    if (!isObject(s)) continue;
    if (isObject(s.properties)) {
      for (const [name, p] of Object.entries(s.properties)) {
        if (isObject(p) && p.type === "string" && !("enum" in p) && !("const" in p) && SECRET_NAME.test(name)) p.format = "password";
      }
    }
    for (const k of ["properties", "$defs", "definitions"]) if (isObject(s[k])) stack.push(...Object.values(s[k] as Schema));
    for (const k of ["anyOf", "oneOf", "allOf", "items", "additionalProperties"]) if (s[k] !== undefined) stack.push(s[k]);
  }
  return root;
}

/** The form's values as connection fields: text as typed, numbers and booleans as text, empty fields left out. */
export function connectionFieldValues(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "") continue;
    out[k] = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  return out;
}

export const WRAP_KEY = "fields";

/**
 * The schema the form draws. buildFields draws an object's properties; a connection whose fields are a choice at
 * the top (a discriminated union: bearer token, or Basic, or an API key header) is drawn as one field under
 * WRAP_KEY, titled with the connection's name, and its values are read and written through that field.
 */
export function connectionFormSchema(fields: unknown, title: string): { schema: Schema; wrapped: boolean } {
  const masked = maskSecretFields(fields);
  if (isObject(masked.properties) && Object.keys(masked.properties).length > 0) return { schema: masked, wrapped: false };
  return { schema: { type: "object", required: [WRAP_KEY], properties: { [WRAP_KEY]: { ...masked, title } } }, wrapped: true };
}
