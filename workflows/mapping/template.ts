import { evaluateExpr, type Scope } from "./evaluate";
import { ExpressionError, parseExpression, type Expr } from "./parser";

/**
 * Templates are strings with `{{ expression }}` parts. A string that is exactly one `{{ … }}` yields the
 * value itself (a number stays a number, an object an object); otherwise the parts are joined as text.
 * Objects and arrays are walked, so a step's whole input can be one template value.
 */
const PART = /\{\{([\s\S]*?)\}\}/g;

type Piece = string | Expr;

function pieces(template: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of template.matchAll(PART)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    out.push(parseExpression(m[1]!));
    last = m.index + m[0].length;
  }
  const rest = template.slice(last);
  // A "{{" with no "}}" after it is a typo, not text: passing it through would send it on as is.
  const open = rest.indexOf("{{");
  if (open >= 0) throw new ExpressionError(`"{{" at position ${last + open + 1} is never closed with "}}" in "${template}"`);
  if (rest) out.push(rest);
  return out;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

export function renderString(template: string, scope: Scope): unknown {
  const ps = pieces(template);
  if (ps.length === 1 && typeof ps[0] !== "string") return evaluateExpr(ps[0]!, scope);
  return ps.map((p) => (typeof p === "string" ? p : text(evaluateExpr(p, scope)))).join("");
}

export function renderValue(value: unknown, scope: Scope): unknown {
  if (typeof value === "string") return value.includes("{{") ? renderString(value, scope) : value;
  if (Array.isArray(value)) return value.map((v) => renderValue(v, scope));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, scope)]));
  return value;
}

/** Parses every template in a value, throwing the first syntax error: validation on save. */
export function checkTemplates(value: unknown): void {
  if (typeof value === "string") pieces(value);
  else if (Array.isArray(value)) value.forEach(checkTemplates);
  else if (value && typeof value === "object") Object.values(value).forEach(checkTemplates);
}

/** Which step ids a value's templates read (`steps.<id>…`), so the interpreter passes only those outputs on. */
export function referencedSteps(value: unknown, into = new Set<string>()): Set<string> {
  const visit = (e: Expr): void => {
    // A dynamic key (steps[x]) or the whole `steps` object could read any step: "*" says so.
    if (e.t === "get" && e.object.t === "var" && e.object.name === "steps") {
      into.add(e.key.t === "lit" ? String(e.key.value) : "*");
      visit(e.key);
    } else if (e.t === "var" && e.name === "steps") into.add("*");
    else if (e.t === "get") [e.object, e.key].forEach(visit);
    else if (e.t === "call") e.args.forEach(visit);
    else if (e.t === "unary") visit(e.arg);
    else if (e.t === "bin") [e.left, e.right].forEach(visit);
  };
  if (typeof value === "string") for (const p of pieces(value)) if (typeof p !== "string") visit(p);
  if (Array.isArray(value)) value.forEach((v) => referencedSteps(v, into));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => referencedSteps(v, into));
  return into;
}
