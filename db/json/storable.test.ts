import { describe, expect, it } from "vitest";
import { decodeStorable, encodeStorable, STORABLE_MARKER, unstorableCharacter } from "./index";

/** What Postgres refuses in jsonb: a string or key holding U+0000 or a lone surrogate (test values are shallow). */
function postgresRefuses(value: unknown): boolean {
  if (typeof value === "string") return unstorableCharacter(value) !== null;
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([k, v]) => unstorableCharacter(k) !== null || postgresRefuses(v));
}

describe("storable JSON strings", () => {
  it("escapes U+0000 and lone surrogates in strings and keys so Postgres can store them, and restores them exactly", () => {
    const values: unknown[] = [
      { a: "x\u0000y", b: "\ud800", c: "\udc00z", "k\u0000": ["\ud83d\ude00 paired", "back\\slash\u0000", "\\0 literal"] },
      `${STORABLE_MARKER}already looks encoded`,
      ["\u0000", "\ud800\ud800", "\udfff\ud800"],
      { plain: "nothing to do", n: 1, t: true, z: null },
    ];
    for (const value of values) {
      const stored = encodeStorable(value);
      expect(postgresRefuses(stored)).toBe(false);
      expect(decodeStorable(JSON.parse(JSON.stringify(stored)))).toEqual(value);
    }
    expect(postgresRefuses(values[0])).toBe(true);
  });

  it("leaves values without such strings untouched (the same object, no copy)", () => {
    const value = { a: ["b", { c: "d" }], when: new Date(0) };
    expect(encodeStorable(value)).toBe(value);
    expect(decodeStorable(value)).toBe(value);
  });

  it("keeps key order and own __proto__ keys, and writes Dates as JSON does", () => {
    const value = JSON.parse('{"z":"\\u0000","__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const round = decodeStorable(JSON.parse(JSON.stringify(encodeStorable({ ...value, at: new Date(0) })))) as Record<string, unknown>;
    expect(Object.keys(round)).toEqual(["z", "__proto__", "a", "at"]);
    expect(round.at).toBe("1970-01-01T00:00:00.000Z");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("walks a value 200,000 levels deep without recursion", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    let inner = decodeStorable(encodeStorable(deep));
    for (let i = 0; i < 200_000; i++) inner = (inner as unknown[])[0];
    expect(inner).toBe("\u0000");
  });

  it("names the first character Postgres cannot store", () => {
    expect(unstorableCharacter("fine \ud83d\ude00")).toBeNull();
    expect(unstorableCharacter("a\u0000b")).toBe("U+0000");
    expect(unstorableCharacter("a\udc01")).toBe("U+DC01");
  });
});
