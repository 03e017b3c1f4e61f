/**
 * A tiny expression language for mappings and conditions, parsed here and evaluated by evaluate.ts, so no
 * user text ever reaches eval/new Function. Grammar (lowest precedence first):
 *   or: and ("||" and)*   and: cmp ("&&" cmp)*   cmp: add (("=="|"!="|"<"|"<="|">"|">=") add)?
 *   add: mul (("+"|"-") mul)*   mul: unary (("*"|"/"|"%") unary)*   unary: ("!"|"-") unary | postfix
 *   postfix: primary ("." ident | "[" or "]")*   primary: number | string | true | false | null | ident | ident "(" args ")" | "(" or ")"
 */
export type Expr =
  | { t: "lit"; value: unknown }
  | { t: "var"; name: string }
  | { t: "get"; object: Expr; key: Expr }
  | { t: "call"; fn: string; args: Expr[] }
  | { t: "unary"; op: "!" | "-"; arg: Expr }
  | { t: "bin"; op: string; left: Expr; right: Expr };

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_$][\w$]*)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!().,[\]]))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new ExpressionError(`Unexpected character at position ${at + 1} in "${src}"`);
    tokens.push(m[0].trim());
  }
  return tokens;
}

const LEVELS: string[][] = [["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];

export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const expect = (tok: string) => {
    if (tokens[i] !== tok) throw new ExpressionError(`Expected "${tok}" but found ${tokens[i] ? `"${tokens[i]}"` : "the end"} in "${src}"`);
    i += 1;
  };
  const binary = (level: number): Expr => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    while (peek() !== undefined && LEVELS[level]!.includes(peek()!)) {
      const op = tokens[i++]!;
      left = { t: "bin", op, left, right: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Expr => {
    const tok = peek();
    if (tok === "!" || tok === "-") {
      i += 1;
      return { t: "unary", op: tok, arg: unary() };
    }
    let e = primary();
    for (;;) {
      if (peek() === ".") {
        i += 1;
        const name = tokens[i++];
        if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) throw new ExpressionError(`Expected a field name after "." in "${src}"`);
        e = { t: "get", object: e, key: { t: "lit", value: name } };
      } else if (peek() === "[") {
        i += 1;
        const key = binary(0);
        expect("]");
        e = { t: "get", object: e, key };
      } else return e;
    }
  };
  const primary = (): Expr => {
    const tok = tokens[i++];
    if (tok === undefined) throw new ExpressionError(`Unexpected end of "${src}"`);
    if (tok === "(") {
      const e = binary(0);
      expect(")");
      return e;
    }
    if (/^\d/.test(tok)) return { t: "lit", value: Number(tok) };
    if (tok[0] === '"' || tok[0] === "'") return { t: "lit", value: tok.slice(1, -1).replace(/\\(.)/g, "$1") };
    if (tok === "true" || tok === "false") return { t: "lit", value: tok === "true" };
    if (tok === "null") return { t: "lit", value: null };
    if (!/^[A-Za-z_$]/.test(tok)) throw new ExpressionError(`Unexpected "${tok}" in "${src}"`);
    if (peek() !== "(") return { t: "var", name: tok };
    i += 1;
    const args: Expr[] = [];
    while (peek() !== ")") {
      args.push(binary(0));
      if (peek() === ",") i += 1;
      else break;
    }
    expect(")");
    return { t: "call", fn: tok, args };
  };
  const e = binary(0);
  if (i < tokens.length) throw new ExpressionError(`Unexpected "${tokens[i]}" in "${src}"`);
  return e;
}
