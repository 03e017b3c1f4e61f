import { describe, expect, it } from "vitest";
import { childPath, ROOT, searchJson } from "./json-tree";

describe("JSON tree search", () => {
  const value = { user: { name: "Ada Lovelace", tags: ["math", "poet"] }, "a/b": { x: 1 }, count: 42 };

  it("finds keys and scalar values case-insensitively and opens every container above a match", () => {
    const r = searchJson(value, "LOVE");
    expect([...r.matches]).toEqual([childPath(childPath(ROOT, "user"), "name")]);
    expect([...r.open]).toEqual([ROOT, childPath(ROOT, "user")]);
    expect([...searchJson(value, "poet").matches]).toEqual([childPath(childPath(childPath(ROOT, "user"), "tags"), 1)]);
    expect([...searchJson(value, "42").matches]).toEqual([childPath(ROOT, "count")]);
  });

  it("keeps a key holding a slash apart from a nested path, and matches nothing for an empty query", () => {
    expect([...searchJson(value, "a/b").matches]).toEqual(["$/a~1b"]);
    expect(searchJson(value, "  ").matches.size).toBe(0);
  });
});
