import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./parse";

describe("a sticky note's Markdown", () => {
  it("reads paragraphs, headings, lists, fenced code, emphasis, strong, code and links", () => {
    const blocks = parseMarkdown("# Plan\n\nFirst *call* the **API**\nthen `retry`.\n\n- one\n- [docs](https://example.com/x)\n\n1. a\n2. b\n\n```\nlet x = 1;\n```");
    expect(blocks).toEqual([
      { t: "h", level: 1, children: [{ t: "text", text: "Plan" }] },
      { t: "p", children: [{ t: "text", text: "First " }, { t: "em", children: [{ t: "text", text: "call" }] }, { t: "text", text: " the " }, { t: "strong", children: [{ t: "text", text: "API" }] }, { t: "text", text: " then " }, { t: "code", text: "retry" }, { t: "text", text: "." }] },
      { t: "ul", items: [[{ t: "text", text: "one" }], [{ t: "link", href: "https://example.com/x", children: [{ t: "text", text: "docs" }] }]] },
      { t: "ol", items: [[{ t: "text", text: "a" }], [{ t: "text", text: "b" }]] },
      { t: "pre", text: "let x = 1;" },
    ]);
  });

  it("keeps HTML as text and never links javascript: or data: URLs", () => {
    expect(parseInline('<img src=x onerror="alert(1)"> [x](javascript:alert(1)) [y](data:text/html,hi)')).toEqual([
      { t: "text", text: '<img src=x onerror="alert(1)"> [x](javascript:alert(1)) [y](data:text/html,hi)' },
    ]);
  });

  it("a 20,000-character note of unclosed delimiters parses as text", () => {
    const text = "[x](".repeat(2500) + "[".repeat(10_000);
    expect(parseMarkdown(text)).toEqual([{ t: "p", children: [{ t: "text", text }] }]);
  });
});
