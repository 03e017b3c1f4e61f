/**
 * A small JavaScript (and JSON) highlighter for the Code step's editor: one sticky regex, one pass, linear in the
 * text. It only colours; a token it does not know is plain text. A full editor (CodeMirror) would cost ~150 kB of
 * the editor page for what a textarea over a coloured <pre> does here in ~1 kB.
 */
export type TokenKind = "comment" | "string" | "number" | "keyword" | "literal" | "plain";
export type Token = { text: string; kind: TokenKind };

const KEYWORDS = new Set(
  "async await break case catch class const continue default delete do else export extends finally for function if import in instanceof let new of return switch throw try typeof var void while yield".split(" "),
);
const LITERALS = new Set(["true", "false", "null", "undefined", "this", "NaN", "Infinity"]);

// Alternatives in order: line comment, block comment (unclosed runs to the end), strings (unclosed run to the
// end of the line, or the text for templates), numbers, words, anything else one character at a time.
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\[\s\S])*`?|\b\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?\b|[A-Za-z_$][\w$]*|\s+|[\s\S]/gy;

export function highlight(code: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < code.length && (m = TOKEN.exec(code))) {
    const text = m[0];
    const c = text[0]!;
    const kind: TokenKind =
      text.startsWith("//") || text.startsWith("/*")
        ? "comment"
        : c === '"' || c === "'" || c === "`"
          ? "string"
          : /\d/.test(c)
            ? "number"
            : KEYWORDS.has(text)
              ? "keyword"
              : LITERALS.has(text)
                ? "literal"
                : "plain";
    const last = out[out.length - 1];
    // Runs of plain text merge, so the highlighted <pre> has few nodes even for long code.
    if (kind === "plain" && last?.kind === "plain") last.text += text;
    else out.push({ text, kind });
  }
  return out;
}
