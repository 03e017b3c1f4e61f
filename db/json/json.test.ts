import { describe, expect, it } from "vitest";
import { checkJsonValue, DEFAULT_JSON_LIMITS, jsonDepth, jsonLimits, jsonTextDepth, parseJsonBounded, utf8Length } from "./index";

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

const limits = { maxDepth: 128, maxBytes: 1024 * 1024 };

describe("JSON limits", () => {
  it("measures depth without recursion, even 200,000 levels deep", () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: [] }] })).toBe(4);
    expect(jsonDepth(nested(200_000, "array"))).toBe(200_000);
    expect(jsonDepth(nested(200_000, "object"), 10)).toBe(11);
    expect(jsonTextDepth('{"a":"[[[[","b":[{}]}')).toBe(3);
    expect(jsonTextDepth('["\\"[[["]')).toBe(1);
    expect(jsonTextDepth("[".repeat(1_000_000), 500)).toBe(501);
  });

  it("refuses a value nested deeper than the limit, naming the limit", () => {
    expect(checkJsonValue(nested(128, "object"), limits, "output")).toBeNull();
    const violation = checkJsonValue(nested(3000, "object"), limits, "output");
    expect(violation).toMatchObject({ kind: "depth", limit: 128 });
    expect(violation?.message).toContain("output nested deeper than 128 levels");
  });

  it("counts bytes as JSON.stringify writes them", () => {
    const values = [{ a: "x\n\"é😀\u0001", b: [1, 2.5, true, null, false], c: { d: "" } }, "plain", 12, [], {}, ["\ud800"]];
    for (const value of values) {
      const exact = utf8Length(JSON.stringify(value));
      expect(checkJsonValue(value, { maxDepth: 10, maxBytes: exact }, "v")).toBeNull();
      expect(checkJsonValue(value, { maxDepth: 10, maxBytes: exact - 1 }, "v")?.kind).toBe("bytes");
    }
  });

  it("parses bounded text and never throws", () => {
    expect(parseJsonBounded('{"a":[1]}', limits, "body")).toEqual({ ok: true, value: { a: [1] } });
    const deep = parseJsonBounded("[".repeat(5000) + "]".repeat(5000), limits, "body");
    expect(deep).toMatchObject({ ok: false, violation: { kind: "depth" } });
    const big = parseJsonBounded(JSON.stringify("x".repeat(2 * 1024 * 1024)), limits, "body");
    expect(big).toMatchObject({ ok: false, violation: { kind: "bytes" } });
    expect(parseJsonBounded("{", limits, "body")).toMatchObject({ ok: false, message: expect.stringContaining("body is not valid JSON") });
  });

  it("reads overrides from the environment and refuses bad ones by name", () => {
    expect(jsonLimits({})).toEqual(DEFAULT_JSON_LIMITS);
    expect(jsonLimits({ JUNCTION_JSON_MAX_DEPTH: "64" }).maxDepth).toBe(64);
    expect(() => jsonLimits({ JUNCTION_JSON_MAX_DEPTH: "lots" })).toThrow(/JUNCTION_JSON_MAX_DEPTH must be an integer/);
  });
});
