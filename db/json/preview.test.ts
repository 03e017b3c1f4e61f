import { describe, expect, it } from "vitest";
import { measureJson, previewJson, stringifyJson, utf8Length } from "./index";

function nested(depth: number, kind: "object" | "array"): unknown {
  const root: Record<string, unknown> | unknown[] = kind === "object" ? {} : [];
  let p = root;
  for (let i = 1; i < depth; i++) {
    const child: Record<string, unknown> | unknown[] = kind === "object" ? {} : [];
    if (Array.isArray(p)) p.push(child);
    else p.a = child;
    p = child;
  }
  return root;
}

describe("previews of values too deep or too large to show", () => {
  it("measures a whole value's depth and JSON bytes without recursion", () => {
    const value = { a: "x\n\"é😀", b: [1, 2.5, true, null], c: { d: "" } };
    expect(measureJson(value)).toEqual({ bytes: utf8Length(JSON.stringify(value)), depth: 2 });
    expect(measureJson(nested(100_000, "array"))).toEqual({ bytes: 200_000, depth: 100_000 });
  });

  it("leaves a value that fits untouched", () => {
    const value = { a: [1, { b: "c" }] };
    expect(previewJson(value, { maxDepth: 20, maxBytes: 1024 })).toEqual({ value, truncation: null });
  });

  it("cuts a value nested 3000 deep at the depth limit, saying how deep and large the whole is", () => {
    const { value, truncation } = previewJson(nested(3000, "object"), { maxDepth: 20, maxBytes: 64 * 1024 });
    expect(truncation).toEqual({ truncated: true, depth: 3000, bytes: utf8Length(JSON.stringify(nested(3000, "object"))) });
    let p = value as Record<string, unknown>;
    for (let i = 1; i < 20; i++) p = p.a as Record<string, unknown>;
    expect(p).toEqual({ a: "{… 1 key}" });
  });

  it("cuts a value too large: long strings clipped, long lists ended with how many more", () => {
    const big = { text: "y".repeat(100_000), list: Array.from({ length: 10_000 }, (_, i) => i) };
    const { value, truncation } = previewJson(big, { maxDepth: 20, maxBytes: 8 * 1024 });
    expect(truncation).toMatchObject({ truncated: true, depth: 2 });
    const cut = value as { text: string; list: unknown[] };
    expect(cut.text).toMatch(/^y{4096}… \(95904 more characters\)$/);
    expect(cut.list.at(-1)).toMatch(/^… \d+ more$/);
    expect(utf8Length(JSON.stringify(value))).toBeLessThan(16 * 1024);
  });

  it("writes JSON for values deeper than JSON.stringify can, the same text it writes for shallow ones", () => {
    const shallow = { a: [1, "two", null, true, { b: [] }], "k\"ey": -0.5, skipped: undefined, n: [undefined, Number.NaN] };
    expect(stringifyJson(shallow)).toBe(JSON.stringify(shallow));
    const deep = nested(100_000, "array");
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(stringifyJson(deep)).toBe("[".repeat(100_000) + "]".repeat(100_000));
  });
});
