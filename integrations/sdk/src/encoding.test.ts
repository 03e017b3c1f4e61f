import { describe, expect, it } from "vitest";
import { base64, formEncode, withQuery } from "./encoding";

describe("sandbox-safe encoding", () => {
  it("base64-encodes UTF-8 like Buffer does", () => {
    for (const s of ["", "a", "ab", "abc", "user:pässwörd", "日本語 ✓ 🎉"]) expect(base64(s)).toBe(Buffer.from(s, "utf8").toString("base64"));
  });

  it("form-encodes values and appends query strings", () => {
    expect(formEncode({ a: "x y", b: [1, 2], c: undefined, d: { e: 1 } })).toBe("a=x+y&b=1&b=2&d=%7B%22e%22%3A1%7D");
    expect(withQuery("https://h.test/p?x=1#top", { q: "a b&c" })).toBe("https://h.test/p?x=1&q=a%20b%26c#top");
    expect(withQuery("https://h.test/p", {})).toBe("https://h.test/p");
  });
});
