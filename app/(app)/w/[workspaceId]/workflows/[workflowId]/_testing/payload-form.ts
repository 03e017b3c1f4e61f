/**
 * The fixture form's model: trigger data built from rows (a field path, a type and a value; header and query
 * pairs) instead of typed JSON. Pure, so the rules are tested without a browser.
 */
export type FieldType = "text" | "number" | "boolean" | "null" | "json";
export type BodyRow = { path: string; type: FieldType; value: string };
export type PairRow = { key: string; value: string };
export type PayloadForm = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; headers: PairRow[]; query: PairRow[]; body: BodyRow[] };
export type Payload = { method: PayloadForm["method"]; headers: Record<string, string>; query: Record<string, string>; body: Record<string, unknown> };

const SEGMENT = /^([A-Za-z0-9_$-]+)((?:\[\d+\])*)$/;

/** "user.tags[1]" → ["user", "tags", 1]; null when it is not such a path. */
export function parsePath(path: string): (string | number)[] | null {
  const out: (string | number)[] = [];
  for (const part of path.trim().split(".")) {
    const m = SEGMENT.exec(part);
    if (!m) return null;
    out.push(m[1]!);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out.length ? out : null;
}

function valueOf(row: BodyRow): { ok: true; value: unknown } | { ok: false; error: string } {
  const v = row.value.trim();
  switch (row.type) {
    case "text":
      return { ok: true, value: row.value };
    case "number":
      return v !== "" && Number.isFinite(Number(v)) ? { ok: true, value: Number(v) } : { ok: false, error: `"${row.value}" is not a number` };
    case "boolean":
      return v === "true" || v === "false" ? { ok: true, value: v === "true" } : { ok: false, error: "Choose true or false" };
    case "null":
      return { ok: true, value: null };
    case "json":
      try {
        return { ok: true, value: JSON.parse(row.value) as unknown };
      } catch (err) {
        return { ok: false, error: `Not JSON: ${(err as Error).message}` };
      }
  }
}

type Container = Record<string, unknown> | unknown[];

/** Sets one path in the body, refusing a path that runs through a value another row already set. */
function place(root: Record<string, unknown>, path: (string | number)[], value: unknown): string | null {
  let here: Container = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key === "number" && !Array.isArray(here)) return `"${path.slice(0, i).join(".")}" is an object here, not a list`;
    if (typeof key === "string" && Array.isArray(here)) return `"${path.slice(0, i).join(".")}" is a list here: use [n]`;
    const slot = here as Record<string | number, unknown>;
    if (i === path.length - 1) {
      if (slot[key] !== undefined) return "Another row sets this field already";
      slot[key] = value;
      return null;
    }
    const next = slot[key];
    if (next === undefined) slot[key] = typeof path[i + 1] === "number" ? [] : {};
    else if (next === null || typeof next !== "object") return `"${path.slice(0, i + 1).join(".")}" is already a value, not an object`;
    here = slot[key] as Container;
  }
  return null;
}

/** The payload the rows describe, or each row's problem (keyed "body.2", "headers.0"). Empty rows are ignored. */
export function buildPayload(form: PayloadForm): { ok: true; payload: Payload } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  form.body.forEach((row, i) => {
    if (!row.path.trim() && !row.value.trim()) return;
    const path = parsePath(row.path);
    if (!path) return void (errors[`body.${i}`] = `"${row.path}" is not a field path (like user.email or items[0].id)`);
    const value = valueOf(row);
    if (!value.ok) return void (errors[`body.${i}`] = value.error);
    const clash = place(body, path, value.value);
    if (clash) errors[`body.${i}`] = clash;
  });
  const pairs = (rows: PairRow[], what: "headers" | "query") => {
    const out: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.key.trim() && !r.value.trim()) return;
      if (what === "headers" && !/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(r.key.trim())) errors[`${what}.${i}`] = `"${r.key}" is not a valid HTTP header name`;
      else if (!r.key.trim()) errors[`${what}.${i}`] = "Give the parameter a name";
      else out[r.key.trim()] = r.value;
    });
    return out;
  };
  const headers = pairs(form.headers, "headers");
  const query = pairs(form.query, "query");
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, payload: { method: form.method, headers, query, body } };
}
