import { describe, expect, it } from "vitest";
import { parseJsonObject, prettyJson } from "./json-input";

describe("parseJsonObject", () => {
  it("accepts an object and treats an empty field as {}", () => {
    expect(parseJsonObject('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonObject("  ")).toEqual({ ok: true, value: {} });
  });

  it("says what is wrong with anything else", () => {
    const bad = parseJsonObject("{a: 1}");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^Not valid JSON: /);
    expect(parseJsonObject("[1]")).toEqual({ ok: false, error: 'The input must be a JSON object like {"name": "Ada"}, not a list.' });
    expect(parseJsonObject("null")).toMatchObject({ error: expect.stringContaining("not null") });
    expect(parseJsonObject('"hi"')).toMatchObject({ error: expect.stringContaining("not a string") });
  });
});

describe("prettyJson", () => {
  it("indents, and shows nothing for no value", () => {
    expect(prettyJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson(undefined)).toBe("");
    expect(prettyJson(null)).toBe("null");
  });
});
