import { evaluateExpr, type Scope } from "./evaluate";
import { ExpressionError, parseExpression, shorten, type Expr } from "./parser";

/**
 * Templates are strings with `{{ expression }}` parts. A string that is exactly one `{{ … }}` yields the
 * value itself (a number stays a number, an object an object); otherwise the parts are joined as text.
 * Objects and arrays are walked, so a step's whole input can be one template value.
 */
type Piece = string | Expr;

/**
 * Splits a template into text and parsed expressions with indexOf, in one pass: the lazy regex it replaces
 * rescanned to the end from every "{{" without a "}}", quadratic in a long string of them.
 */
function pieces(template: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (;;) {
    const open = template.indexOf("{{", last);
    const close = open < 0 ? -1 : template.indexOf("}}", open + 2);
    if (close < 0) {
      // A "{{" with no "}}" after it is a typo, not text: passing it through would send it on as is.
      if (open >= 0) throw new ExpressionError(`"{{" at position ${open + 1} is never closed with "}}" in "${shorten(template)}"`);
      break;
    }
    if (open > last) out.push(template.slice(last, open));
    out.push(parseExpression(template.slice(open + 2, close)));
    last = close + 2;
  }
  const rest = template.slice(last);
  if (rest) out.push(rest);
  return out;
}

/** The parsed `{{ … }}` parts of a template, in order; throws ExpressionError (an unclosed "{{", bad syntax) like rendering would. */
export function templateExpressions(template: string): Expr[] {
  return pieces(template).filter((p): p is Expr => typeof p !== "string");
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

/** A template that failed to evaluate, and where it sits in the value ("url", "headers.authorization", "to[1]"). */
export class TemplateFieldError extends Error {
  override name = "TemplateFieldError";
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * renderValue that says which field's template failed, so a step's mapping error names the field that caused it.
 * Recursion is bounded: step inputs are held to the graph's JSON depth limit on save.
 */
export function renderFields(value: unknown, scope: Scope, path = ""): unknown {
  if (typeof value === "string") {
    if (!value.includes("{{")) return value;
    try {
      return renderString(value, scope);
    } catch (err) {
      throw new TemplateFieldError(path, (err as Error).message);
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => renderFields(v, scope, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderFields(v, scope, path ? `${path}.${k}` : k)]));
  return value;
}

/** Parses every template in a value, throwing the first syntax error: validation on save. No recursion (an explicit stack), so a deep value cannot overflow it. */
export function checkTemplates(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") pieces(v);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v && typeof v === "object") {
      const values = Object.values(v);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
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
