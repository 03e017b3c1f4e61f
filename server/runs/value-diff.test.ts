import { describe, expect, it } from "vitest";
import { diffValues } from "./value-diff";

describe("diffValues", () => {
  it("lists added, removed and changed fields by path (the first value's key order, then new keys), and nothing for equal values", () => {
    const before = { body: { email: "a@x.io", plan: "pro", tags: ["a", "b"], "odd key": 1 }, query: { page: "1" } };
    const after = { body: { email: "a@x.io", plan: "free", tags: ["a"], note: null, "odd key": 2 }, headers: { "x-id": "7" } };
    expect(diffValues(before, after)).toEqual({
      truncated: false,
      changes: [
        { path: "body.plan", kind: "changed", before: '"pro"', after: '"free"' },
        { path: "body.tags[1]", kind: "removed", before: '"b"' },
        { path: 'body["odd key"]', kind: "changed", before: "1", after: "2" },
        { path: "body.note", kind: "added", after: "null" },
        { path: "query", kind: "removed", before: '{"page":"1"}' },
        { path: "headers", kind: "added", after: '{"x-id":"7"}' },
      ],
    });
    expect(diffValues({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual({ changes: [], truncated: false });
    // Key order inside objects is not a difference.
    expect(diffValues({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } }).changes).toEqual([]);
  });

  it("compares values of different types whole, and the top level too", () => {
    expect(diffValues({ a: [1] }, { a: { 0: 1 } }).changes).toEqual([{ path: "a", kind: "changed", before: "[1]", after: '{"0":1}' }]);
    expect(diffValues("x", 3).changes).toEqual([{ path: "(the whole value)", kind: "changed", before: '"x"', after: "3" }]);
  });

  it("is bounded: deep values do not overflow, long values are previewed, and at most 200 changes are listed", () => {
    let deepA: unknown = 1;
    let deepB: unknown = 2;
    for (let i = 0; i < 5000; i++) {
      deepA = [deepA];
      deepB = [deepB];
    }
    // Past 32 levels the rest is compared whole (the stored JSON limits keep that bounded): one change, no overflow.
    const shallowEnough = (v: unknown, n: number) => { for (let i = 0; i < n; i++) v = (v as unknown[])[0]; return v; };
    const d = diffValues(shallowEnough(deepA, 4950), shallowEnough(deepB, 4950));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]!.path).toMatch(/^\[0\]\[0\]/);
    const long = diffValues({ t: "a".repeat(10_000) }, { t: "b".repeat(10_000) }).changes[0]!;
    expect(long.before!.length).toBe(200);
    expect(long.before!.endsWith("…")).toBe(true);
    const many = diffValues(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])), {});
    expect(many.changes).toHaveLength(200);
    expect(many.truncated).toBe(true);
  });
});
