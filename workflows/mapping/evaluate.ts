import { FUNCTIONS } from "./functions";
import { ExpressionError, parseExpression, type Expr } from "./parser";

/** What a mapping can see: `trigger`, `steps.<id>.output`, and inside a loop `item` and `index`. */
export type Scope = Record<string, unknown>;

// Reading these would walk into the prototype chain; a mapping only ever sees its data's own fields.
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

function get(object: unknown, key: unknown): unknown {
  if (object === null || object === undefined) return undefined;
  if (Array.isArray(object) && typeof key === "number") return object[key < 0 ? object.length + key : key];
  const k = String(key);
  if (FORBIDDEN.has(k)) throw new ExpressionError(`"${k}" cannot be read`);
  if (typeof object === "string" && k === "length") return object.length;
  if (typeof object !== "object" || !Object.hasOwn(object, k)) return undefined;
  return (object as Record<string, unknown>)[k];
}

function binary(op: string, a: unknown, b: unknown): unknown {
  switch (op) {
    case "==": return a === b || (a !== null && b !== null && typeof a !== "object" && typeof b !== "object" && String(a) === String(b));
    case "!=": return !binary("==", a, b);
    case "<": return (a as number) < (b as number);
    case "<=": return (a as number) <= (b as number);
    case ">": return (a as number) > (b as number);
    case ">=": return (a as number) >= (b as number);
    case "+": return typeof a === "number" && typeof b === "number" ? a + b : `${a ?? ""}${b ?? ""}`;
    case "-": return Number(a) - Number(b);
    case "*": return Number(a) * Number(b);
    case "/": return Number(a) / Number(b);
    case "%": return Number(a) % Number(b);
    default: throw new ExpressionError(`Unknown operator "${op}"`);
  }
}

export function evaluateExpr(e: Expr, scope: Scope): unknown {
  switch (e.t) {
    case "lit": return e.value;
    case "var": return Object.hasOwn(scope, e.name) ? scope[e.name] : undefined;
    case "get": return get(evaluateExpr(e.object, scope), evaluateExpr(e.key, scope));
    case "unary": return e.op === "!" ? !evaluateExpr(e.arg, scope) : -Number(evaluateExpr(e.arg, scope));
    case "call": {
      if (!Object.hasOwn(FUNCTIONS, e.fn)) throw new ExpressionError(`Unknown function "${e.fn}"`);
      return FUNCTIONS[e.fn]!(...e.args.map((a) => evaluateExpr(a, scope)));
    }
    case "bin":
      if (e.op === "&&") return evaluateExpr(e.left, scope) && evaluateExpr(e.right, scope);
      if (e.op === "||") return evaluateExpr(e.left, scope) || evaluateExpr(e.right, scope);
      return binary(e.op, evaluateExpr(e.left, scope), evaluateExpr(e.right, scope));
  }
}

export function evaluate(src: string, scope: Scope): unknown {
  return evaluateExpr(parseExpression(src), scope);
}
