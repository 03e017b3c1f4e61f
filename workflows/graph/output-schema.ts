import { resolveRef, typesOf, type JsonSchema } from "./input-schema";

/**
 * Reading a step's declared output JSON Schema one key at a time, the way a mapping reads the data: what
 * `steps.call.output.body.items[0]` can hold, or that the schema declares no such field. Shared by the editor's
 * field picker and the reference checks that run on save (references.ts), so both agree on what a schema offers.
 *
 * A manifest comes from a third party: unions are followed as a bounded set of candidates (MAX_CANDIDATES) and
 * references a bounded number of hops (resolveRef); past a bound the answer is "anything", never an error.
 */
export type Candidates = { schemas: JsonSchema[]; root: unknown };

/** What a key of a schema leads to: anything (no declaration to check against), candidates, or nothing declared. */
export type Step = { kind: "any" } | { kind: "some"; next: Candidates } | { kind: "missing"; known: string[]; types: string[] };

const MAX_CANDIDATES = 32;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The concrete alternatives of a schema ($ref followed, anyOf/oneOf/allOf spread); null when it allows anything. */
export function candidatesOf(schema: unknown, root: unknown): JsonSchema[] | null {
  const out: JsonSchema[] = [];
  const queue: unknown[] = [schema];
  while (queue.length > 0) {
    const resolved = resolveRef(queue.shift(), root);
    if (resolved === true) return null;
    if (resolved === false) continue;
    const parts = [resolved.anyOf, resolved.oneOf, resolved.allOf].filter(Array.isArray).flat();
    const constrains = typesOf(resolved).length > 0 || "properties" in resolved || "items" in resolved || "enum" in resolved || "const" in resolved || "additionalProperties" in resolved;
    if (parts.length > 0) {
      queue.push(...parts);
      // A union beside its own properties ({ properties, anyOf }) keeps those properties as one more candidate.
      if (constrains) out.push(resolved);
    } else if (!constrains) return null;
    else out.push(resolved);
    if (out.length + queue.length > MAX_CANDIDATES) return null;
  }
  return out;
}

/** The JSON types a candidate can be, from `type`, or from what it describes when `type` is left out. */
export function kindsOf(s: JsonSchema): string[] {
  const types = typesOf(s);
  if (types.length > 0) return types;
  if ("properties" in s || "additionalProperties" in s) return ["object"];
  if ("items" in s || "prefixItems" in s) return ["array"];
  const values = "const" in s ? [s.const] : Array.isArray(s.enum) ? s.enum : [];
  return [...new Set(values.map((v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? "number" : typeof v)))];
}

function childOf(s: JsonSchema, key: string | number): unknown | undefined {
  const kinds = kindsOf(s);
  const index = typeof key === "number" ? key : /^\d+$/.test(key) ? Number(key) : null;
  if (kinds.includes("array")) {
    if (key === "length") return { type: "integer" };
    if (index !== null) return Array.isArray(s.prefixItems) && index < s.prefixItems.length ? s.prefixItems[index] : (s.items ?? {});
  }
  if (kinds.includes("string") && key === "length") return { type: "integer" };
  if (kinds.includes("object")) {
    const props = isObject(s.properties) ? s.properties : undefined;
    const k = String(key);
    if (props && Object.hasOwn(props, k)) return props[k];
    if (s.patternProperties !== undefined) return {};
    const extra = s.additionalProperties;
    if (extra === true || isObject(extra)) return extra;
    // Properties listed and nothing said about others: the listed ones are what it declares.
    if (extra === undefined && !props) return {};
  }
  return undefined;
}

/** One key further into a set of candidates. */
export function stepInto(at: Candidates, key: string | number): Step {
  const next: JsonSchema[] = [];
  for (const s of at.schemas) {
    const child = childOf(s, key);
    if (child === undefined) continue;
    const expanded = candidatesOf(child, at.root);
    if (expanded === null) return { kind: "any" };
    next.push(...expanded);
    if (next.length > MAX_CANDIDATES) return { kind: "any" };
  }
  if (next.length > 0) return { kind: "some", next: { schemas: next, root: at.root } };
  const known = new Set<string>();
  for (const s of at.schemas) if (isObject(s.properties)) for (const k of Object.keys(s.properties)) known.add(k);
  return { kind: "missing", known: [...known], types: [...new Set(at.schemas.flatMap(kindsOf))] };
}

/** A schema's starting candidates; null when it allows anything. */
export function startAt(schema: unknown): Candidates | null {
  const schemas = candidatesOf(schema, schema);
  return schemas ? { schemas, root: schema } : null;
}

const TYPE_WORDS: Record<string, string> = { string: "text", number: "number", integer: "whole number", boolean: "true/false", array: "list", object: "object", null: "null" };

/** A short type name for people: "text", "list", "number or null"; "any" when the schema does not say. */
export function typeWord(schemas: JsonSchema[] | null): string {
  if (!schemas) return "any";
  const kinds = [...new Set(schemas.flatMap(kindsOf))];
  if (kinds.length === 0) return "any";
  return [...new Set(kinds.map((k) => TYPE_WORDS[k] ?? k))].join(" or ");
}
