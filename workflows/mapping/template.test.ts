import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { parseExpression } from "./parser";
import { checkTemplates, referencedSteps, renderValue } from "./template";

const scope = { trigger: { body: { email: "Ada@Example.com", n: 3, tags: ["a", "b"] } }, steps: { find_user: { output: { id: 42, items: [{ p: 2 }, { p: 5 }] } } } };

describe("mapping", () => {
  it("keeps a single expression's type and interpolates mixed text", () => {
    expect(renderValue("{{ steps.find_user.output.id }}", scope)).toBe(42);
    expect(renderValue({ to: "{{ lower(trigger.body.email) }}", n: ["x{{ trigger.body.n + 1 }}"] }, scope)).toEqual({ to: "ada@example.com", n: ["x4"] });
  });

  it("has operators, indexing and safe helpers", () => {
    expect(evaluate("trigger.body.n >= 3 && !false", scope)).toBe(true);
    expect(evaluate("trigger.body.tags[1]", scope)).toBe("b");
    expect(evaluate("sum(pluck(steps.find_user.output.items, 'p'))", scope)).toBe(7);
    expect(evaluate("addDays('2024-01-30T00:00:00Z', 2)", scope)).toBe("2024-02-01T00:00:00.000Z");
    expect(evaluate("join(split('a-b', '-'), '+')", scope)).toBe("a+b");
    expect(evaluate("default(trigger.body.missing, 'x')", scope)).toBe("x");
  });

  it("cannot reach the host: no prototypes, no unknown functions, no eval", () => {
    expect(() => evaluate("trigger.constructor", scope)).toThrow(/cannot be read/);
    expect(() => evaluate("eval('1')", scope)).toThrow(/Unknown function "eval"/);
    expect(evaluate("trigger.toString", scope)).toBeUndefined();
    expect(() => evaluate("1 +", scope)).toThrow(/end/);
  });

  it("refuses an unclosed {{ instead of passing it through as text", () => {
    expect(() => renderValue("Hello {{ trigger.body.n", scope)).toThrow(/"\{\{" at position 7 is never closed/);
    expect(() => renderValue({ a: ["{{ trigger.body.n }} and {{ oops"] }, scope)).toThrow(/never closed/);
    expect(renderValue("a }} b {{ trigger.body.n }}", scope)).toBe("a }} b 3");
  });

  it("finds which steps a template reads", () => {
    expect([...referencedSteps({ a: "{{ steps.find_user.output.id }} {{ steps['x'].output }}" })].sort()).toEqual(["find_user", "x"]);
    expect([...referencedSteps("{{ json(steps) }}")]).toEqual(["*"]);
  });

  it("an expression nested 10,000 deep is refused by the nesting limit, not with a stack overflow", () => {
    const deep = `{{ ${"(".repeat(10_000)}1${")".repeat(10_000)} }}`;
    expect(() => checkTemplates({ a: deep })).toThrow(/^Expression nested deeper than 256 levels in " \(\(\(/);
    expect(() => parseExpression("!".repeat(100_000) + "true")).toThrow(/nested deeper than 256 levels/);
    expect(() => parseExpression(Array.from({ length: 300 }, () => "1").join(" + "))).toThrow(/nested deeper than 256 levels/);
    expect(evaluate(Array.from({ length: 200 }, () => "1").join(" + "), scope)).toBe(200);
    // Quoted as far as 200 characters: the message is for a person, not a copy of a megabyte.
    expect(() => parseExpression(`${"1 + ".repeat(100_000)}`)).toThrow(/…"$/);
  });

  it("a string of 200,000 unclosed {{ is refused as never closed, and a value 100,000 deep is walked without recursion", () => {
    expect(() => checkTemplates("{{".repeat(200_000))).toThrow(/"\{\{" at position 1 is never closed/);
    expect(() => checkTemplates(`${"{{ 1 }} ".repeat(50_000)}{{ oops`)).toThrow(/at position 400001 is never closed/);
    let deep: unknown = "{{ 1 + }}";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => checkTemplates(deep)).toThrow(/end/);
  });

  it("parsing a source again (from the parse cache) gives the same tree, and a bad one the same error each time", () => {
    const first = parseExpression("steps.find_user.output.items[0].p * 2");
    expect(parseExpression("steps.find_user.output.items[0].p * 2")).toEqual(first);
    expect(evaluate("steps.find_user.output.items[0].p * 2", scope)).toBe(4);
    for (let i = 0; i < 2; i++) expect(() => parseExpression("1 + (2")).toThrow(/^Expected "\)" but found the end in "1 \+ \(2"$/);
    for (let i = 0; i < 2; i++) expect(() => renderValue("{{ trigger.body.n + }}", scope)).toThrow(/Unexpected end/);
    // A source too long to keep is still parsed each time.
    const long = `'${"x".repeat(2_000)}' + trigger.body.n`;
    expect(parseExpression(long)).toEqual(parseExpression(long));
    expect(evaluate(long, scope)).toBe(`${"x".repeat(2_000)}3`);
  });
});
