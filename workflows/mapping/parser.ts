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

/**
 * How deep an expression may nest: parentheses, brackets, "!"/"-" and chains of operators all count. The parser
 * and the evaluator recurse once per level, so without a bound "((((…" 10,000 deep overflows the stack (in the
 * web server on save, in the worker on run); real expressions nest a handful of levels. A fixed part of the
 * language rather than a setting: the worker replays old runs with it, so it must not differ between processes.
 */
export const EXPRESSION_MAX_DEPTH = 256;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_$][\w$]*)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!().,[\]]))/y;

const TRAILING = /\s*$/y;

/** One token of an expression and where it stands in the source (for edits that keep the rest of the text as is). */
export type TokenSpan = { text: string; start: number; end: number };

/** The expression's tokens with their offsets, by the same rules as the parser; throws ExpressionError like it. */
export function tokenSpans(src: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    // Trailing spaces end the input (sticky, from here on: slicing the rest for every token was quadratic).
    TRAILING.lastIndex = at;
    if (TRAILING.test(src)) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new ExpressionError(`Unexpected character at position ${at + 1} in "${shorten(src)}"`);
    const text = m[0].trim();
    const end = TOKEN.lastIndex;
    spans.push({ text, start: end - text.length, end });
  }
  return spans;
}

/** The expression as error messages quote it: whole when short, its start when long. */
export const shorten = (src: string) => (src.length > 200 ? `${src.slice(0, 200)}…` : src);

function tokenize(src: string): string[] {
  return tokenSpans(src).map((span) => span.text);
}

const LEVELS: string[][] = [["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];

/**
 * Parsed expressions (or the syntax error) by source text. A save checks every template of every step several
 * ways (syntax, references, paths) and an autosave sends the same templates again a second later: parsing was
 * the largest part of checking a 1,000-step draft (bench/autosave-roundtrip.ts). Trees are never changed after
 * parsing, so one is shared. Bounded: sources past PARSED_KEY_MAX are not kept, and the map starts over when full.
 */
const parsed = new Map<string, Expr | { error: string }>();
const PARSED_MAX = 10_000;
const PARSED_KEY_MAX = 1_000;

export function parseExpression(src: string): Expr {
  let hit = parsed.get(src);
  if (!hit) {
    try {
      hit = new Parser(src).parse();
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      hit = { error: e.message };
    }
    if (src.length <= PARSED_KEY_MAX) {
      if (parsed.size >= PARSED_MAX) parsed.clear();
      parsed.set(src, hit);
    }
  }
  if ("error" in hit) throw new ExpressionError(hit.error);
  return hit;
}

/**
 * Recursive descent over the tokens. A class rather than closures made per call: a save parses every template
 * of every node, and per-call closures cost more than the parsing (more again under tsx's name-keeping).
 */
class Parser {
  private readonly tokens: string[];
  private readonly shown: string;
  private i = 0;
  /** How many unary() calls are open: the parser's own recursion. */
  private open = 0;
  /** AST depth of each node built so far (a leaf is 1). */
  private readonly depthOf = new Map<Expr, number>();

  constructor(src: string) {
    this.tokens = tokenize(src);
    this.shown = shorten(src);
  }

  parse(): Expr {
    const e = this.binary(0);
    if (this.i < this.tokens.length) throw new ExpressionError(`Unexpected "${this.tokens[this.i]}" in "${this.shown}"`);
    return e;
  }

  private tooDeep() {
    return new ExpressionError(`Expression nested deeper than ${EXPRESSION_MAX_DEPTH} levels in "${this.shown}"`);
  }

  private node<T extends Expr>(e: T, kids: Expr[]): T {
    let deepest = 0;
    for (const k of kids) deepest = Math.max(deepest, this.depthOf.get(k) ?? 1);
    if (deepest + 1 > EXPRESSION_MAX_DEPTH) throw this.tooDeep();
    this.depthOf.set(e, deepest + 1);
    return e;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private expect(tok: string) {
    const found = this.tokens[this.i];
    if (found !== tok) throw new ExpressionError(`Expected "${tok}" but found ${found ? `"${found}"` : "the end"} in "${this.shown}"`);
    this.i += 1;
  }

  private binary(level: number): Expr {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (let tok = this.peek(); tok !== undefined && LEVELS[level]!.includes(tok); tok = this.peek()) {
      this.i += 1;
      const right = this.binary(level + 1);
      left = this.node({ t: "bin", op: tok, left, right }, [left, right]);
    }
    return left;
  }

  private unary(): Expr {
    if (++this.open > EXPRESSION_MAX_DEPTH) throw this.tooDeep();
    try {
      return this.unaryOrPostfix();
    } finally {
      this.open -= 1;
    }
  }

  private unaryOrPostfix(): Expr {
    const tok = this.peek();
    if (tok === "!" || tok === "-") {
      this.i += 1;
      const arg = this.unary();
      return this.node({ t: "unary", op: tok, arg }, [arg]);
    }
    let e = this.primary();
    for (;;) {
      if (this.peek() === ".") {
        this.i += 1;
        const name = this.tokens[this.i++];
        if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) throw new ExpressionError(`Expected a field name after "." in "${this.shown}"`);
        e = this.node({ t: "get", object: e, key: { t: "lit", value: name } }, [e]);
      } else if (this.peek() === "[") {
        this.i += 1;
        const key = this.binary(0);
        this.expect("]");
        e = this.node({ t: "get", object: e, key }, [e, key]);
      } else return e;
    }
  }

  private primary(): Expr {
    const tok = this.tokens[this.i++];
    if (tok === undefined) throw new ExpressionError(`Unexpected end of "${this.shown}"`);
    if (tok === "(") {
      const e = this.binary(0);
      this.expect(")");
      return e;
    }
    if (/^\d/.test(tok)) return { t: "lit", value: Number(tok) };
    if (tok[0] === '"' || tok[0] === "'") return { t: "lit", value: tok.slice(1, -1).replace(/\\(.)/g, "$1") };
    if (tok === "true" || tok === "false") return { t: "lit", value: tok === "true" };
    if (tok === "null") return { t: "lit", value: null };
    if (!/^[A-Za-z_$]/.test(tok)) throw new ExpressionError(`Unexpected "${tok}" in "${this.shown}"`);
    if (this.peek() !== "(") return { t: "var", name: tok };
    this.i += 1;
    const args: Expr[] = [];
    while (this.peek() !== ")") {
      args.push(this.binary(0));
      if (this.peek() === ",") this.i += 1;
      else break;
    }
    this.expect(")");
    return this.node({ t: "call", fn: tok, args }, args);
  }
}
