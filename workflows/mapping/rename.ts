import { parseExpression, tokenSpans } from "./parser";
import { checkTemplates } from "./template";

/**
 * Rewrites references to steps (`steps.<id>` and `steps["<id>"]`) when steps get new ids: the editor renames a
 * step, or pastes steps under new ids. Works on the tokens the parser reads, so `item.steps.a`, a string that
 * merely contains "steps.a", or a step id that is a prefix of another are never touched, and everything else in
 * the text (spacing, quotes, other expressions) stays exactly as written. Text that does not parse is returned
 * unchanged: there is nothing reliable to rewrite in it, and validation already names the problem.
 */
export type Renames = ReadonlyMap<string, string>;

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** One expression (a branch's condition, or the inside of a `{{ … }}`). */
export function renameStepsInExpression(src: string, renames: Renames): string {
  if (renames.size === 0 || !src.includes("steps")) return src;
  try {
    parseExpression(src);
  } catch {
    return src;
  }
  const toks = tokenSpans(src);
  const edits: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < toks.length; i++) {
    // `steps` is the scope's variable only where it is not a field of something else (`x.steps`).
    if (toks[i]!.text !== "steps" || toks[i - 1]?.text === ".") continue;
    const next = toks[i + 1]?.text;
    const key = toks[i + 2];
    if (!key) continue;
    if (next === "." && IDENT.test(key.text)) {
      const to = renames.get(key.text);
      if (to !== undefined) edits.push({ start: key.start, end: key.end, text: to });
    } else if (next === "[" && toks[i + 3]?.text === "]" && (key.text[0] === '"' || key.text[0] === "'")) {
      const quote = key.text[0]!;
      const to = renames.get(key.text.slice(1, -1).replace(/\\(.)/g, "$1"));
      // Step ids are snake_case slugs, so the new one never needs escaping inside the quotes.
      if (to !== undefined) edits.push({ start: key.start, end: key.end, text: `${quote}${to}${quote}` });
    }
  }
  let out = src;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A template string: every `{{ … }}` part is rewritten; the text between them is left alone. */
export function renameStepsInTemplate(template: string, renames: Renames): string {
  if (renames.size === 0 || !template.includes("{{")) return template;
  try {
    checkTemplates(template);
  } catch {
    return template;
  }
  let out = "";
  let last = 0;
  for (;;) {
    const open = template.indexOf("{{", last);
    if (open < 0) break;
    const close = template.indexOf("}}", open + 2);
    out += template.slice(last, open + 2) + renameStepsInExpression(template.slice(open + 2, close), renames);
    last = close;
  }
  return out + template.slice(last);
}

/**
 * Every template string inside a JSON value (a step's input). Returns the same object when nothing changed, and
 * shares unchanged branches, so callers can tell "no reference here" by identity.
 */
export function renameStepsInValue(value: unknown, renames: Renames): unknown {
  if (typeof value === "string") return renameStepsInTemplate(value, renames);
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const r = renameStepsInValue(v, renames);
      if (r !== v) changed = true;
      return r;
    });
    return changed ? next : value;
  }
  if (value && typeof value === "object") {
    let changed = false;
    // fromEntries, not assignment: a key "__proto__" (JSON.parse makes it an own key) must stay a plain key.
    const next = Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const r = renameStepsInValue(v, renames);
        if (r !== v) changed = true;
        return [k, r];
      }),
    );
    return changed ? next : value;
  }
  return value;
}
