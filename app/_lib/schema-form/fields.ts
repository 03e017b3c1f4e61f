import { resolveRef, typesOf, type JsonSchema } from "@/workflows/graph/input-schema";

/**
 * Turns an action's (or trigger's) input JSON Schema into the tree of fields the step form draws. Pure, no React.
 *
 * Manifests come from third parties, so the walk is iterative (an explicit stack, no recursion) and bounded:
 * below MAX_DEPTH levels, past MAX_FIELDS fields or for a construct the form has no control for, a field
 * becomes "json" (edited as JSON or a template), so a hostile schema costs the browser a bounded amount of work.
 *
 * Hints an integration can give through zod's .meta() (they pass into the JSON Schema as is):
 *   format: "date-time" → a date-time picker; format: "password" or writeOnly: true → a secret (masked) field;
 *   "x-junction-widget": "textarea" | "code" | "secret" | "datetime", with "x-junction-language" for code;
 *   contentMediaType "text/javascript" (or application/javascript) → a JavaScript code editor.
 * Dynamic option lists come from the action manifest's dynamicOptions (field, dependsOn, searchable).
 */
export const MAX_DEPTH = 8;
export const MAX_FIELDS = 1000;
export const MAX_OPTIONS = 1000;

export type FieldKind = "text" | "textarea" | "number" | "integer" | "boolean" | "enum" | "array" | "object" | "map" | "secret" | "datetime" | "code" | "variant" | "json";
export type Option = { value: string | number | boolean; label: string };
export type DynamicOptions = { dependsOn: string[]; searchable: boolean };

type Common = {
  key: string;
  /** Where the value lives in the input: keys and list indexes ("*" for "every item / every value"). */
  path: string[];
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
  /** The options load live through the integration (integration.options). */
  dynamic?: DynamicOptions;
};
export type TextField = Common & { kind: "text" | "textarea" | "secret" | "datetime"; minLength?: number; maxLength?: number; pattern?: string };
export type CodeField = Common & { kind: "code"; language: string; maxLength?: number };
export type NumberField = Common & { kind: "number" | "integer"; minimum?: number; maximum?: number };
export type BooleanField = Common & { kind: "boolean" };
export type EnumField = Common & { kind: "enum"; options: Option[] };
export type ArrayField = Common & { kind: "array"; item: Field; minItems?: number; maxItems?: number };
export type ObjectField = Common & { kind: "object"; fields: Field[] };
export type MapField = Common & { kind: "map"; value: Field };
/** One of several object shapes told apart by a constant field (e.g. an HTTP body's "type"). */
export type VariantField = Common & { kind: "variant"; discriminator: string; variants: { value: string; label: string; fields: Field[] }[] };
export type JsonField = Common & { kind: "json" };
export type Field = TextField | CodeField | NumberField | BooleanField | EnumField | ArrayField | ObjectField | MapField | VariantField | JsonField;

/** Per-field hints from the caller, by top-level key (for manifests published before they could say it). */
export type FieldHints = Record<string, { widget?: "textarea" | "code" | "secret" | "datetime"; language?: string }>;
export type FieldTree = { fields: Field[]; truncated: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const ACRONYMS = new Set(["url", "http", "https", "id", "ids", "api", "json", "html", "xml", "csv", "uri", "ip", "ssl", "tls", "sql", "cc", "bcc"]);

/** "failOnHttpError" → "Fail on HTTP error", "max_items" → "Max items". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  if (words.length === 0) return key;
  const first = words[0]!;
  words[0] = first === first.toUpperCase() ? first : first[0]!.toUpperCase() + first.slice(1);
  return words.join(" ");
}

type Job = { schema: unknown; depth: number; path: string[]; key: string; required: boolean; label?: string; hint?: FieldHints[string]; dynamic?: DynamicOptions; put: (f: Field) => void };

/** The fields of an object schema (an action's input), in the order the schema lists them. */
export function buildFields(schema: unknown, options: { dynamicOptions?: { field: string; dependsOn?: string[]; searchable?: boolean }[]; hints?: FieldHints } = {}): FieldTree {
  const root = isObject(schema) ? schema : {};
  const top = resolveRef(root, root);
  const fields: Field[] = [];
  if (!isObject(top) || !isObject(top.properties)) return { fields, truncated: false };
  const dynamic = new Map((options.dynamicOptions ?? []).map((d) => [d.field, { dependsOn: d.dependsOn ?? [], searchable: d.searchable ?? false }]));
  const required = new Set(Array.isArray(top.required) ? top.required.filter((r): r is string => typeof r === "string") : []);
  const w: Walk = { root, stack: [], created: 0, truncated: false };
  const keys = take(w, ordered(top.properties, required, root));
  // Pushed in reverse so fields are built in schema order (the stack pops the last first).
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    w.stack.push({ schema: top.properties[key], depth: 1, path: [key], key, required: required.has(key), hint: options.hints?.[key], dynamic: dynamic.get(key), put: (f) => (fields[i] = f) });
  }
  while (w.stack.length > 0) {
    const job = w.stack.pop()!;
    const s = resolveRef(job.schema, root);
    job.put(fieldOf(job, isObject(s) ? s : {}, w));
  }
  return { fields, truncated: w.truncated };
}

type Walk = { root: JsonSchema; stack: Job[]; created: number; truncated: boolean };

/** The first keys that fit in the field budget; the rest are left out (and the tree says it was cut). */
function take(w: Walk, keys: string[]): string[] {
  const n = Math.max(0, Math.min(keys.length, MAX_FIELDS - w.created));
  w.created += n;
  if (n < keys.length) w.truncated = true;
  return n < keys.length ? keys.slice(0, n) : keys;
}

/** A single child (a list's item, a map's value): built when the budget allows, JSON otherwise. */
function child(w: Walk, job: Job, put: (f: Field) => void) {
  if (take(w, ["x"]).length === 1) w.stack.push({ ...job, put });
  else put(common(job, {}, "json") as JsonField);
}

/**
 * The order fields are shown in: required first, then single values, then groups (lists, maps, objects), each
 * group in the schema's order. The schema's own order cannot be relied on: manifests are stored as jsonb, which
 * keeps object keys sorted by length, so "url" would always come before "method".
 */
function ordered(props: Record<string, unknown>, required: Set<unknown>, root: JsonSchema): string[] {
  const rank = (k: string) => {
    const s = resolveRef(props[k], root);
    const types = isObject(s) ? typesOf(s) : [];
    const single = isObject(s) && (Array.isArray(s.enum) || "const" in s || (types.length > 0 && types.every((t) => SCALARS.has(t) || t === "null")));
    return (required.has(k) ? 0 : 2) + (single ? 0 : 1);
  };
  const keys = Object.keys(props);
  const ranks = new Map(keys.map((k) => [k, rank(k)]));
  return keys.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
}

function common(job: Job, s: JsonSchema, kind: FieldKind): Common & { kind: FieldKind } {
  const c: Common & { kind: FieldKind } = { kind, key: job.key, path: job.path, label: str(s.title) ?? job.label ?? humanise(job.key), required: job.required };
  const description = str(s.description);
  if (description) c.description = description;
  if (s.default !== undefined) c.default = s.default;
  if (job.dynamic) c.dynamic = job.dynamic;
  return c;
}

/** anyOf/oneOf without a null branch (an optional-or-null field is the field). */
function branchesOf(s: JsonSchema, root: JsonSchema): JsonSchema[] | null {
  const raw = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  if (!raw) return null;
  return raw.map((b) => resolveRef(b, root)).map((b) => (isObject(b) ? b : {})).filter((b) => !(typesOf(b).length === 1 && typesOf(b)[0] === "null"));
}

/** The key every branch fixes to a different constant, and each branch's constant; null when there is none. */
function discriminatorOf(branches: JsonSchema[]): { key: string; values: string[] } | null {
  const first = branches[0];
  if (!first || !isObject(first.properties)) return null;
  for (const key of Object.keys(first.properties)) {
    const values = branches.map((b) => {
      const p = isObject(b.properties) ? b.properties[key] : undefined;
      return isObject(p) && typeof p.const === "string" ? p.const : null;
    });
    if (values.every((v): v is string => v !== null) && new Set(values).size === values.length) return { key, values };
  }
  return null;
}

const SCALARS = new Set(["string", "number", "integer", "boolean"]);

function fieldOf(job: Job, schema: JsonSchema, w: Walk): Field {
  const root = w.root;
  if (job.depth > MAX_DEPTH) return common(job, schema, "json") as JsonField;
  if (job.dynamic) return { ...common(job, schema, "enum"), kind: "enum", options: enumOptions(schema) };
  let s = schema;
  let branches = branchesOf(s, root);
  // "X or null" is X; a union of one, nested a few times, too (bounded: a hostile chain becomes JSON).
  for (let unwrap = 0; branches?.length === 1; unwrap++) {
    if (unwrap >= MAX_DEPTH) return common(job, schema, "json") as JsonField;
    s = { ...branches[0], ...pick(s, ["title", "description", "default"]) };
    branches = branchesOf(s, root);
  }
  if (branches) {
    const d = branches.every((b) => typesOf(b).includes("object") || isObject(b.properties)) ? discriminatorOf(branches) : null;
    if (d) {
      const variants = branches.map((b, i) => ({ value: d.values[i]!, label: humanise(d.values[i]!), fields: [] as Field[] }));
      branches.forEach((b, i) => {
        const props = isObject(b.properties) ? b.properties : {};
        const req = new Set(Array.isArray(b.required) ? b.required : []);
        const keys = take(w, ordered(props, req, root).filter((k) => k !== d.key));
        for (let j = keys.length - 1; j >= 0; j--) {
          const k = keys[j]!;
          w.stack.push({ schema: props[k], depth: job.depth + 1, path: [...job.path, k], key: k, required: req.has(k), put: (f) => (variants[i]!.fields[j] = f) });
        }
      });
      return { ...common(job, s, "variant"), kind: "variant", discriminator: d.key, variants };
    }
    // Scalars of several types (text or a number, say): a text field; the value is checked against them all.
    const types = new Set(branches.flatMap((b) => typesOf(b)));
    if (types.size > 0 && [...types].every((t) => SCALARS.has(t)) && branches.every((b) => typesOf(b).length > 0)) {
      return scalarField(job, s, [...types]);
    }
    return common(job, s, "json") as JsonField;
  }
  if (Array.isArray(s.enum) || "const" in s) return { ...common(job, s, "enum"), kind: "enum", options: enumOptions(s) };
  const types = typesOf(s).filter((t) => t !== "null");
  if (types.length === 1 && types[0] === "object") return objectField(job, s, w);
  if (types.length === 1 && types[0] === "array") {
    const field: ArrayField = { ...common(job, s, "array"), kind: "array", item: undefined as unknown as Field };
    if (num(s.minItems) !== undefined) field.minItems = num(s.minItems);
    if (num(s.maxItems) !== undefined) field.maxItems = num(s.maxItems);
    child(w, { schema: s.items ?? {}, depth: job.depth + 1, path: [...job.path, "*"], key: "item", label: "Item", required: true, put: () => {} }, (f) => (field.item = f));
    return field;
  }
  if (types.length > 0 && types.every((t) => SCALARS.has(t))) return scalarField(job, s, types);
  return common(job, s, "json") as JsonField;
}

function pick(s: JsonSchema, keys: string[]): JsonSchema {
  return Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
}

function enumOptions(s: JsonSchema): Option[] {
  const values = Array.isArray(s.enum) ? s.enum : "const" in s ? [s.const] : [];
  const options: Option[] = [];
  for (const v of values.slice(0, MAX_OPTIONS)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") options.push({ value: v, label: String(v) });
  }
  return options;
}

function objectField(job: Job, s: JsonSchema, w: Walk): ObjectField | MapField {
  const props = isObject(s.properties) ? s.properties : null;
  if (!props || Object.keys(props).length === 0) {
    // A record: free keys, each value of one schema (headers: text; Code's inputs: any JSON).
    const field: MapField = { ...common(job, s, "map"), kind: "map", value: undefined as unknown as Field };
    const value = isObject(s.additionalProperties) ? s.additionalProperties : {};
    child(w, { schema: value, depth: job.depth + 1, path: [...job.path, "*"], key: "value", label: "Value", required: false, put: () => {} }, (f) => (field.value = f));
    return field;
  }
  const field: ObjectField = { ...common(job, s, "object"), kind: "object", fields: [] };
  const req = new Set(Array.isArray(s.required) ? s.required : []);
  const keys = take(w, ordered(props, req, w.root));
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    w.stack.push({ schema: props[k], depth: job.depth + 1, path: [...job.path, k], key: k, required: req.has(k), put: (f) => (field.fields[i] = f) });
  }
  return field;
}

const CODE_TYPES: Record<string, string> = { "text/javascript": "javascript", "application/javascript": "javascript", "application/json": "json" };

function scalarField(job: Job, s: JsonSchema, types: string[]): Field {
  const widget = job.hint?.widget ?? str(s["x-junction-widget"]);
  if (types.includes("string")) {
    const language = job.hint?.language ?? str(s["x-junction-language"]) ?? CODE_TYPES[str(s.contentMediaType) ?? ""];
    if (widget === "code" || (widget === undefined && language)) {
      const f: CodeField = { ...common(job, s, "code"), kind: "code", language: language ?? "javascript" };
      if (num(s.maxLength) !== undefined) f.maxLength = num(s.maxLength);
      return f;
    }
    const kind: TextField["kind"] =
      widget === "secret" || s.format === "password" || s.writeOnly === true
        ? "secret"
        : widget === "datetime" || s.format === "date-time"
          ? "datetime"
          : widget === "textarea" || s["x-multiline"] === true
            ? "textarea"
            : "text";
    const f: TextField = { ...common(job, s, kind), kind };
    if (num(s.minLength) !== undefined) f.minLength = num(s.minLength);
    if (num(s.maxLength) !== undefined) f.maxLength = num(s.maxLength);
    if (str(s.pattern) !== undefined) f.pattern = str(s.pattern);
    return f;
  }
  if (types.includes("number") || types.includes("integer")) {
    const kind = types.includes("number") ? "number" : "integer";
    const f: NumberField = { ...common(job, s, kind), kind };
    if (num(s.minimum) !== undefined) f.minimum = num(s.minimum);
    if (num(s.maximum) !== undefined) f.maximum = num(s.maximum);
    return f;
  }
  return { ...common(job, s, "boolean"), kind: "boolean" };
}
