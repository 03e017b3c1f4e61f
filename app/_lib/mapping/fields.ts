import { pathExpression } from "@/workflows/mapping/paths";
import { kindsOf, startAt, stepInto, typeWord, type Candidates } from "@/workflows/graph/output-schema";

/**
 * The fields the mapping picker lists for one source (the trigger, an upstream step, a loop's item): from the
 * source's declared output schema, so it works before anything ran, merged with the latest sample's values.
 * Each field carries the expression the picker inserts (`steps.call.output.body.name`), its type, and its
 * sample value when the sample has one. Lists offer their first item (`[0]`) and, for lists of objects, each
 * item's field across the list (`pluck(list, "id")`: the language's "each").
 *
 * Bounded: schemas come from third-party manifests and samples from real runs, so the tree stops at MAX_DEPTH
 * levels and MAX_FIELDS fields per source (`truncated` says so).
 */
export type MappingField = {
  /** What the row shows: "name", "[0]", "each id". */
  label: string;
  /** The expression inserted between `{{` and `}}`. */
  expression: string;
  /** "text", "number", "list", "object", "any", … */
  type: string;
  /** The schema declares the field (false: only the sample has it). */
  declared: boolean;
  /** Present when the sample has a value here (which may be null or undefined-free JSON). */
  sample?: { value: unknown };
  children: MappingField[];
};

export type FieldTree = { fields: MappingField[]; truncated: boolean };

export const MAX_DEPTH = 8;
export const MAX_FIELDS = 1500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A sample value's type in the picker's words. */
export function sampleType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  if (typeof v === "string") return "text";
  if (typeof v === "boolean") return "true/false";
  if (typeof v === "number") return "number";
  return isObject(v) ? "object" : "any";
}

type Where = { schema: Candidates | null; declared: boolean; sample?: { value: unknown } };

class Builder {
  count = 0;
  truncated = false;

  children(root: string, keys: (string | number)[], at: Where, depth: number): MappingField[] {
    if (depth >= MAX_DEPTH) return [];
    const out: MappingField[] = [];
    const isList = (at.schema?.schemas.some((s) => kindsOf(s).includes("array")) ?? false) || Array.isArray(at.sample?.value);
    if (isList) {
      const first = this.field(root, [...keys, 0], "[0]", at, 0, depth);
      if (first) {
        out.push(first);
        // "each": one field of every item, as a list (pluck); only for the items' direct fields.
        for (const f of first.children) {
          if (typeof f.label !== "string" || f.label.startsWith("[") || !this.take()) continue;
          const values = Array.isArray(at.sample?.value) ? { value: at.sample.value.map((x) => (isObject(x) ? x[f.label] : undefined)) } : undefined;
          out.push({ label: `each ${f.label}`, expression: `pluck(${pathExpression(root, keys)}, ${JSON.stringify(f.label)})`, type: "list", declared: f.declared, ...(values && { sample: values }), children: [] });
        }
      }
      return out;
    }
    const names = new Set<string>();
    for (const s of at.schema?.schemas ?? []) if (isObject(s.properties)) for (const k of Object.keys(s.properties)) names.add(k);
    if (isObject(at.sample?.value)) for (const k of Object.keys(at.sample.value)) names.add(k);
    for (const name of names) {
      const f = this.field(root, [...keys, name], name, at, name, depth);
      if (f) out.push(f);
      if (this.truncated) break;
    }
    return out;
  }

  private take(): boolean {
    if (this.count >= MAX_FIELDS) {
      this.truncated = true;
      return false;
    }
    this.count += 1;
    return true;
  }

  private field(root: string, keys: (string | number)[], label: string, parent: Where, key: string | number, depth: number): MappingField | null {
    if (!this.take()) return null;
    let schema: Candidates | null = null;
    let declared = false;
    if (parent.schema) {
      const step = stepInto(parent.schema, key);
      declared = step.kind !== "missing";
      schema = step.kind === "some" ? step.next : null;
    }
    const pv = parent.sample?.value;
    const sample = Array.isArray(pv) && typeof key === "number" ? (key < pv.length ? { value: pv[key] } : undefined) : isObject(pv) && typeof key === "string" && Object.hasOwn(pv, key) ? { value: pv[key] } : undefined;
    const declaredType = schema ? typeWord(schema.schemas) : "any";
    const type = declaredType === "any" && sample ? sampleType(sample.value) : declaredType;
    const at: Where = { schema, declared, ...(sample && { sample }) };
    return { label, expression: pathExpression(root, keys), type, declared, ...(sample && { sample }), children: this.children(root, keys, at, depth + 1) };
  }
}

/**
 * The field tree of one source. `root`/`keys` spell the source's own expression (`steps`, ["call", "output"]);
 * `schema` its declared output (undefined: not declared); `sample` its value in the sample, when there is one.
 */
export function sourceFields(root: string, keys: (string | number)[], schema: unknown, sample?: { value: unknown }): FieldTree {
  const b = new Builder();
  const start = schema === undefined ? null : startAt(schema);
  const fields = b.children(root, keys, { schema: start, declared: true, ...(sample && { sample }) }, 0);
  return { fields, truncated: b.truncated };
}

/** A sample value in a few characters, for the picker's rows. */
export function sampleText(v: unknown, max = 40): string {
  let t: string;
  if (typeof v === "string") t = JSON.stringify(v);
  else if (Array.isArray(v)) t = `[${v.length} item${v.length === 1 ? "" : "s"}]`;
  else if (isObject(v)) t = `{${Object.keys(v).length} field${Object.keys(v).length === 1 ? "" : "s"}}`;
  else t = String(v);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Fields whose label or expression contains the query (case-insensitive), flattened for a search result list. */
export function searchFields(fields: MappingField[], query: string, limit = 200): MappingField[] {
  const q = query.trim().toLowerCase();
  const out: MappingField[] = [];
  const stack = [...fields].reverse();
  while (stack.length > 0 && out.length < limit) {
    const f = stack.pop()!;
    if (f.label.toLowerCase().includes(q) || f.expression.toLowerCase().includes(q)) out.push(f);
    for (let i = f.children.length - 1; i >= 0; i--) stack.push(f.children[i]!);
  }
  return out;
}
