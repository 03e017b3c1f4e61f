/**
 * Reading and writing one place in a step's input without touching the rest (immutable: React sees a new
 * object along the path only). Writing undefined removes the key, so a cleared optional field is "not given".
 */
export type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === "number") v = v[p];
    else if (isObject(v) && typeof p === "string") v = v[p];
    else return undefined;
  }
  return v;
}

export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setAt(list[head], rest, next);
    return list;
  }
  const obj = isObject(value) ? { ...value } : {};
  const child = setAt(obj[head!], rest, next);
  if (child === undefined) delete obj[head!];
  else obj[head!] = child;
  return obj;
}

/** The issue key of a path, as inputIssues writes it: "fields.1.to". */
export const pathKey = (path: Path) => path.join(".");

/** A number field's text: a number when it reads as one, else the text itself (a template, or a typo to flag). */
export function numberFromText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return text;
}

/** A JSON field's text: a template or plain word stays text; anything that parses is the parsed value. */
export function jsonFromText(text: string): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  if (t.startsWith("{{")) return text;
  try {
    return JSON.parse(t);
  } catch {
    return text;
  }
}

export function jsonToText(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

/** Moves a list item from one index to another (reordering an array field). */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Splits text into plain parts and `{{ … }}` references, for highlighting (an unclosed "{{" stays text). */
export function templateParts(text: string): { text: string; ref: boolean }[] {
  const out: { text: string; ref: boolean }[] = [];
  let last = 0;
  for (;;) {
    const open = text.indexOf("{{", last);
    const close = open < 0 ? -1 : text.indexOf("}}", open + 2);
    if (close < 0) break;
    if (open > last) out.push({ text: text.slice(last, open), ref: false });
    out.push({ text: text.slice(open, close + 2), ref: true });
    last = close + 2;
  }
  if (last < text.length) out.push({ text: text.slice(last), ref: false });
  return out;
}

/** Inserts text at a selection, returning the new text and where the caret goes (after the insertion). */
export function insertText(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
