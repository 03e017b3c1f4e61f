import { describe, expect, it } from "vitest";
import { getAt, insertText, jsonFromText, move, numberFromText, setAt, templateParts } from "./values";

describe("step input values", () => {
  it("setAt writes one place immutably and removes a key set to undefined", () => {
    const input = { headers: { A: "1" }, fields: [{ to: "a" }] };
    const next = setAt(input, ["fields", 0, "to"], "b") as typeof input;
    expect(next.fields[0]!.to).toBe("b");
    expect(input.fields[0]!.to).toBe("a");
    expect(next.headers).toBe(input.headers);
    expect(setAt(input, ["headers", "A"], undefined)).toEqual({ headers: {}, fields: [{ to: "a" }] });
    expect(getAt(next, ["fields", 0, "to"])).toBe("b");
    expect(getAt(next, ["nope", 3])).toBeUndefined();
  });

  it("number text becomes a number; a template or typo stays text for the validator to judge", () => {
    expect(numberFromText("42")).toBe(42);
    expect(numberFromText("-1.5e3")).toBe(-1500);
    expect(numberFromText("")).toBeUndefined();
    expect(numberFromText("{{ steps.a.output.n }}")).toBe("{{ steps.a.output.n }}");
    expect(numberFromText("12abc")).toBe("12abc");
  });

  it("JSON text parses; a template stays a template", () => {
    expect(jsonFromText('{"a": 1}')).toEqual({ a: 1 });
    expect(jsonFromText("{{ trigger.body }}")).toBe("{{ trigger.body }}");
    expect(jsonFromText("hello")).toBe("hello");
  });

  it("template text splits into plain text and references; an unclosed {{ is text", () => {
    expect(templateParts("https://x/{{ steps.a.output.id }}/y")).toEqual([
      { text: "https://x/", ref: false },
      { text: "{{ steps.a.output.id }}", ref: true },
      { text: "/y", ref: false },
    ]);
    expect(templateParts("a {{ b")).toEqual([{ text: "a {{ b", ref: false }]);
  });

  it("insertText replaces the selection and puts the caret after what was inserted; move reorders", () => {
    expect(insertText("Hello !", 6, 6, "{{ x }}")).toEqual({ text: "Hello {{ x }}!", caret: 13 });
    expect(move(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(move(["a"], 0, 1)).toEqual(["a"]);
  });
});
