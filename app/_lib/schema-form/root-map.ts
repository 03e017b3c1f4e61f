/**
 * An input whose schema is a record at the top (free names, each value of one schema: the built-in Set step's
 * fields) has no properties for buildFields to draw. The form shows it as one map field, `key`, and reads and
 * writes the input through it; issues keyed by the input's paths move under the field's key and back.
 */
type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

export const ROOT_MAP_KEY = "fields";

/** The schema to draw, when the input is a record at the top; null when it has properties of its own. */
export function rootMapSchema(schema: Schema): Schema | null {
  if (isObject(schema.properties) && Object.keys(schema.properties).length > 0) return null;
  if (schema.additionalProperties === undefined || schema.additionalProperties === false) return null;
  const { description, ...map } = schema;
  return { type: "object", properties: { [ROOT_MAP_KEY]: { ...map, title: "Fields", ...(typeof description === "string" ? { description } : {}) } } };
}

export const wrapRootMap = (input: Schema): Schema => ({ [ROOT_MAP_KEY]: input });
export const unwrapRootMap = (value: Schema): Schema => (isObject(value[ROOT_MAP_KEY]) ? value[ROOT_MAP_KEY] : {});

/** The input's issues ("a.b", or "" for the input itself) as the wrapped form keys them ("fields.a.b", "fields"). */
export function wrapIssues(issues: Map<string, string>): Map<string, string> {
  return new Map([...issues].map(([k, v]) => [k ? `${ROOT_MAP_KEY}.${k}` : ROOT_MAP_KEY, v]));
}
