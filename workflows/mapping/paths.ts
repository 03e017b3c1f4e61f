import type { Expr } from "./parser";
import { templateExpressions } from "./template";

/**
 * The data paths an expression reads, as far as they are written out: `steps.call.output.items[0].id` is root
 * "steps" with keys ["call", "output", "items", 0, "id"]. A computed key (`steps.a.output[x]`) ends the path
 * there (`open` says so); its own expression is read separately. Only the scope's names are roots (`trigger`,
 * `steps`, `item`, `index`), so a function's result or a literal is never taken for data.
 *
 * What the editor's reference checks and the server's draft problems both read (workflows/graph/references.ts).
 */
export type DataPath = { root: string; keys: (string | number)[]; open: boolean };

export const SCOPE_NAMES = ["trigger", "steps", "item", "index"] as const;
const ROOTS = new Set<string>(SCOPE_NAMES);

/** Every data path in one parsed expression. Explicit stack: the parser bounds the depth, this walk does not need to. */
export function expressionPaths(expr: Expr, into: DataPath[] = []): DataPath[] {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.t) {
      case "var":
        if (ROOTS.has(e.name)) into.push({ root: e.name, keys: [], open: false });
        break;
      case "get": {
        // Flatten the chain down to its base; literal keys make the path, the first computed key ends it.
        const chain: Expr[] = [];
        let base: Expr = e;
        while (base.t === "get") {
          chain.push(base.key);
          base = base.object;
        }
        chain.reverse();
        if (base.t === "var" && ROOTS.has(base.name)) {
          const keys: (string | number)[] = [];
          let open = false;
          for (const k of chain) {
            if (!open && k.t === "lit" && (typeof k.value === "string" || typeof k.value === "number")) keys.push(k.value);
            else open = true;
          }
          into.push({ root: base.name, keys, open });
        } else stack.push(base);
        for (const k of chain) if (k.t !== "lit") stack.push(k);
        break;
      }
      case "call":
        for (const a of e.args) stack.push(a);
        break;
      case "unary":
        stack.push(e.arg);
        break;
      case "bin":
        stack.push(e.left, e.right);
        break;
      case "lit":
        break;
    }
  }
  return into;
}

/** Every data path in a template string's `{{ … }}` parts. Throws ExpressionError as the template parser does. */
export function templatePaths(template: string): DataPath[] {
  const out: DataPath[] = [];
  for (const e of templateExpressions(template)) expressionPaths(e, out);
  return out;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** A path written back as an expression, the way a person would type it: `steps.call.output.items[0]["a b"]`. */
export function pathExpression(root: string, keys: readonly (string | number)[]): string {
  let out = root;
  for (const k of keys) out += typeof k === "number" ? `[${k}]` : IDENT.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  return out;
}

/** A path for messages: the keys after its root, "body.items[0].id". */
export function pathText(keys: readonly (string | number)[]): string {
  return pathExpression("", keys).replace(/^\./, "");
}
