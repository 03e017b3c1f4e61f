import { describe, expect, it } from "vitest";
import { highlight } from "./highlight";

describe("Code step highlighting", () => {
  it("colours keywords, strings, numbers, comments and literals, and keeps the text exactly", () => {
    const code = "// double it\nconst n = inputs.n * 2; /* ok */\nreturn { n, s: 'x', ok: true };";
    const tokens = highlight(code);
    expect(tokens.map((t) => t.text).join("")).toBe(code);
    const kinds = (k: string) => tokens.filter((t) => t.kind === k).map((t) => t.text);
    expect(kinds("keyword")).toEqual(["const", "return"]);
    expect(kinds("comment")).toEqual(["// double it", "/* ok */"]);
    expect(kinds("string")).toEqual(["'x'"]);
    expect(kinds("number")).toEqual(["2"]);
    expect(kinds("literal")).toEqual(["true"]);
  });

  it("an unclosed string or comment runs to its end, and 100 000 characters of it are still one pass", () => {
    expect(highlight('log("oops').map((t) => t.kind)).toEqual(["plain", "string"]);
    const long = `/* ${"x".repeat(100_000)}`;
    expect(highlight(long)).toEqual([{ text: long, kind: "comment" }]);
  });
});
