/**
 * Checks an action's input against the JSON Schema its manifest declares (the subset z.toJSONSchema produces:
 * type, enum/const, required, properties, additionalProperties, items, anyOf/oneOf, $ref, min/max, lengths,
 * pattern, format date-time). One implementation for the editor's form (inline, as you type) and the server's
 * graph validation, so both say the same thing about the same value.
 *
 * A string holding a template ("{{ steps.a.output.id }}", or text with references mixed in) is accepted for any
 * schema: it resolves at run time, where the integration's own zod schema has the last word.
 *
 * Bounded: manifests come from third parties, so the walk stops at MAX_DEPTH levels and MAX_VISITS values
 * (accepting what it did not reach; the run still checks it), and a pattern that could backtrack without end is
 * not run here. Pure and deterministic (no Date): shared by app/, server/ and the interpreter's validation.
 */
export type InputIssue = { path: string; message: string };
export type JsonSchema = Record<string, unknown>;

const MAX_DEPTH = 64;
const MAX_VISITS = 20_000;
const MAX_PATTERN_LENGTH = 500;
const MAX_PATTERN_SUBJECT = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** True when a string contains a `{{ … }}` reference: its value is only known at run time. */
export function isTemplate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const open = value.indexOf("{{");
  return open >= 0 && value.indexOf("}}", open + 2) > 0;
}

/** Follows a local "$ref" (#/$defs/X or #/definitions/X) a bounded number of times; anything else is left as is. */
export function resolveRef(schema: unknown, root: unknown): JsonSchema | boolean {
  let s = schema;
  for (let hops = 0; hops < 16 && isObject(s) && typeof s.$ref === "string"; hops++) {
    const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(s.$ref);
    const defs = m && isObject(root) ? root[m[1]!] : undefined;
    const target = isObject(defs) ? defs[decodeURIComponent(m![2]!).replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
    if (target === undefined) return true;
    s = target;
  }
  if (typeof s === "boolean") return s;
  return isObject(s) ? s : true;
}

/** The JSON types a schema allows, from `type` (string or list); empty when it does not say. */
export function typesOf(s: JsonSchema): string[] {
  if (typeof s.type === "string") return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === "string");
  return [];
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "empty (null)",
};

function typeMatches(types: string[], v: unknown): boolean {
  const t = jsonType(v);
  return types.some((want) => want === t || (want === "number" && t === "integer"));
}

// RFC 3339 date-time as JSON Schema's "date-time" format means it (checked by shape: no Date in shared code).
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * A quantified group that itself contains a quantifier ("(a+)+", "(\w*)*", "(a|b?){2,}") can take exponential
 * time on a crafted string. Such a pattern is not run in the editor or on the server; the run checks it.
 */
const NESTED_QUANTIFIER = /\([^()]*[+*?}][^()]*\)\s*[+*?{]/;
const patternCache = new Map<string, RegExp | null>();

function compiledPattern(source: string): RegExp | null {
  if (patternCache.has(source)) return patternCache.get(source)!;
  let re: RegExp | null = null;
  if (source.length <= MAX_PATTERN_LENGTH && !NESTED_QUANTIFIER.test(source)) {
    try {
      re = new RegExp(source, "u");
    } catch {
      try {
        re = new RegExp(source);
      } catch {
        re = null; // Not a pattern JavaScript understands: the integration's bug, not the user's; the run says so.
      }
    }
  }
  if (patternCache.size > 500) patternCache.clear();
  patternCache.set(source, re);
  return re;
}

const quote = (path: string[]) => `"${path.join(".")}"`;
const list = (values: unknown[]) => {
  const shown = values.slice(0, 10).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return shown.join(", ") + (values.length > 10 ? `, … (${values.length} in all)` : "");
};

type Walk = { root: JsonSchema; visits: number; issues: InputIssue[] };

/**
 * Problems with one action's input, each with the field's dotted path (e.g. "headers.Accept", "fields.0.to");
 * empty when it conforms (or the schema says nothing about it).
 */
export function inputIssues(input: unknown, schema: unknown): InputIssue[] {
  if (!isObject(schema)) return [];
  const walk: Walk = { root: schema, visits: 0, issues: [] };
  check(walk, input, schema, [], 0);
  return walk.issues;
}

function check(w: Walk, value: unknown, raw: unknown, path: string[], depth: number): void {
  if (depth > MAX_DEPTH || ++w.visits > MAX_VISITS) return;
  const s = resolveRef(raw, w.root);
  if (s === true) return;
  const at = path.length ? quote(path) : "The input";
  if (s === false) {
    w.issues.push({ path: path.join("."), message: `${at} is not allowed here` });
    return;
  }
  if (value === undefined || isTemplate(value)) return;
  const push = (message: string) => w.issues.push({ path: path.join("."), message });

  const branches = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  if (branches) {
    checkBranches(w, value, branches, path, depth);
    return;
  }
  const types = typesOf(s);
  if (types.length > 0 && !typeMatches(types, value)) {
    push(`${at} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(" or ")}`);
    return;
  }
  if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(value)) {
    push(`${at} must be ${JSON.stringify(s.const)}`);
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === value || (typeof e === "object" && JSON.stringify(e) === JSON.stringify(value)))) {
    push(`${at} must be one of ${list(s.enum)}`);
    return;
  }
  if (typeof value === "string") checkString(s, value, at, push);
  else if (typeof value === "number") checkNumber(s, value, at, push);
  else if (Array.isArray(value)) {
    if (typeof s.minItems === "number" && value.length < s.minItems) push(`${at} needs at least ${s.minItems} item${s.minItems === 1 ? "" : "s"}`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) push(`${at} takes at most ${s.maxItems} item${s.maxItems === 1 ? "" : "s"} (has ${value.length})`);
    const items = s.items;
    if (items !== undefined) value.forEach((item, i) => check(w, item, items, [...path, String(i)], depth + 1));
  } else if (isObject(value)) checkObject(w, s, value, path, depth);
}

function checkString(s: JsonSchema, value: string, at: string, push: (m: string) => void) {
  const length = typeof s.minLength === "number" || typeof s.maxLength === "number" ? [...value].length : 0;
  if (typeof s.minLength === "number" && length < s.minLength) {
    push(s.minLength === 1 ? `${at} cannot be empty` : `${at} needs at least ${s.minLength} characters (has ${length})`);
  }
  if (typeof s.maxLength === "number" && length > s.maxLength) push(`${at} takes at most ${s.maxLength} characters (has ${length})`);
  if (typeof s.pattern === "string" && value.length <= MAX_PATTERN_SUBJECT) {
    const re = compiledPattern(s.pattern);
    if (re && !re.test(value)) push(`${at} does not match the expected form (${s.pattern})`);
  }
  if (s.format === "date-time" && !DATE_TIME.test(value)) push(`${at} must be a date and time like 2026-01-31T09:30:00Z`);
}

function checkNumber(s: JsonSchema, value: number, at: string, push: (m: string) => void) {
  if (typeof s.minimum === "number" && value < s.minimum) push(`${at} must be at least ${s.minimum}`);
  if (typeof s.maximum === "number" && value > s.maximum) push(`${at} must be at most ${s.maximum}`);
  if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) push(`${at} must be more than ${s.exclusiveMinimum}`);
  if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) push(`${at} must be less than ${s.exclusiveMaximum}`);
}

/** Missing means what the run would treat as not given: absent, null, or empty text. */
const missing = (v: unknown) => v === undefined || v === null || v === "";

function checkObject(w: Walk, s: JsonSchema, value: Record<string, unknown>, path: string[], depth: number) {
  const props = isObject(s.properties) ? s.properties : {};
  if (Array.isArray(s.required)) {
    for (const key of s.required) {
      if (typeof key === "string" && missing(value[key])) w.issues.push({ path: [...path, key].join("."), message: `${quote([...path, key])} is required` });
    }
  }
  for (const [key, v] of Object.entries(value)) {
    if (Object.hasOwn(props, key)) {
      // Missing and required was said above; optional and left empty in the form is the same as not given.
      if (v === "" || (missing(v) && Array.isArray(s.required) && s.required.includes(key))) continue;
      check(w, v, props[key], [...path, key], depth + 1);
    } else if (s.additionalProperties !== undefined) {
      if (s.additionalProperties === false) w.issues.push({ path: [...path, key].join("."), message: `${quote([...path, key])} is not a field here` });
      else check(w, v, s.additionalProperties, [...path, key], depth + 1);
    }
  }
}

/**
 * anyOf/oneOf: fine when some branch accepts the value. Otherwise, when the branches are objects told apart by a
 * constant field (a discriminated union, like an HTTP body's "type"), the problems of the branch the value chose;
 * else one message listing what the branches take.
 */
function checkBranches(w: Walk, value: unknown, branches: unknown[], path: string[], depth: number) {
  const results: InputIssue[][] = [];
  for (const b of branches) {
    const sub: Walk = { root: w.root, visits: w.visits, issues: [] };
    check(sub, value, b, path, depth + 1);
    w.visits = sub.visits;
    if (sub.issues.length === 0) return;
    results.push(sub.issues);
  }
  if (isObject(value)) {
    const chosen = branches.findIndex((b) => {
      const r = resolveRef(b, w.root);
      if (!isObject(r) || !isObject(r.properties)) return false;
      return Object.entries(r.properties).some(([k, p]) => isObject(p) && "const" in p && value[k] === p.const);
    });
    if (chosen >= 0) {
      w.issues.push(...results[chosen]!);
      return;
    }
  }
  const kinds = new Set<string>();
  for (const b of branches) {
    const r = resolveRef(b, w.root);
    if (isObject(r)) for (const t of typesOf(r)) kinds.add(TYPE_WORDS[t] ?? t);
  }
  const at = path.length ? quote(path) : "The input";
  w.issues.push({ path: path.join("."), message: kinds.size ? `${at} must be ${[...kinds].join(" or ")}` : `${at} does not match any of the allowed forms` });
}
