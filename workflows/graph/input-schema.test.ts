import { describe, expect, it } from "vitest";
import { manifestOf } from "@junction/sdk";
import http from "../../integrations/official/http-request/src/index";
import { inputIssues, isTemplate } from "./input-schema";
import { graphIssues } from "./validate";

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });
const messages = (input: unknown, schema: unknown) => inputIssues(input, schema).map((i) => `${i.path}: ${i.message}`);

describe("action input against its JSON Schema", () => {
  it("a required field that is absent, null or empty text is named", () => {
    const s = obj({ url: { type: "string" }, n: { type: "number" } }, ["url", "n"]);
    expect(messages({ n: null, url: "" }, s)).toEqual(['url: "url" is required', 'n: "n" is required']);
    expect(messages({}, s)).toHaveLength(2);
  });

  it("a value of the wrong type says which type the field takes", () => {
    const s = obj({ s: { type: "string" }, i: { type: "integer" }, n: { type: "number" }, b: { type: "boolean" }, a: { type: "array" }, o: { type: "object" } });
    expect(messages({ s: 1, i: 1.5, n: "x", b: "yes", a: {}, o: [] }, s)).toEqual([
      's: "s" must be text',
      'i: "i" must be a whole number',
      'n: "n" must be a number',
      'b: "b" must be true or false',
      'a: "a" must be a list',
      'o: "o" must be an object',
    ]);
    expect(messages({ s: "x", i: 2, n: 2, b: false, a: [], o: {} }, s)).toEqual([]);
    expect(messages({ v: 3 }, obj({ v: { type: ["string", "number"] } }))).toEqual([]);
  });

  it("enum and const values outside the allowed set are refused, listing the choices", () => {
    const s = obj({ method: { type: "string", enum: ["GET", "POST"] }, kind: { const: "json" } });
    expect(messages({ method: "FETCH", kind: "xml" }, s)).toEqual(['method: "method" must be one of GET, POST', 'kind: "kind" must be "json"']);
  });

  it("numbers outside minimum/maximum and their exclusive forms are refused, naming the bound", () => {
    const s = obj({ a: { type: "integer", minimum: 1, maximum: 10 }, b: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 } });
    expect(messages({ a: 0, b: 1 }, s)).toEqual(['a: "a" must be at least 1', 'b: "b" must be less than 1']);
    expect(messages({ a: 11, b: 0 }, s)).toEqual(['a: "a" must be at most 10', 'b: "b" must be more than 0']);
    expect(messages({ a: 10, b: 0.5 }, s)).toEqual([]);
  });

  it("text shorter than minLength, longer than maxLength (in characters, not bytes) or off its pattern is refused", () => {
    const s = obj({ code: { type: "string", minLength: 1, maxLength: 3 }, cur: { type: "string", pattern: "^[A-Z]{3}$" }, two: { type: "string", minLength: 2 } }, ["code"]);
    expect(messages({ code: "abcd", cur: "usd", two: "x" }, s)).toEqual([
      'code: "code" takes at most 3 characters (has 4)',
      'cur: "cur" does not match the expected form (^[A-Z]{3}$)',
      'two: "two" needs at least 2 characters (has 1)',
    ]);
    expect(messages({ code: "😀😀😀", cur: "USD" }, s)).toEqual([]);
  });

  it("a date-time field takes RFC 3339 text only", () => {
    const s = obj({ at: { type: "string", format: "date-time" } });
    expect(messages({ at: "tomorrow" }, s)).toEqual(['at: "at" must be a date and time like 2026-01-31T09:30:00Z']);
    expect(messages({ at: "2026-12-03T07:30:00.123+01:00" }, s)).toEqual([]);
  });

  it("lists: minItems, maxItems and every item against items, with the index in the path", () => {
    const s = obj({ fields: { type: "array", minItems: 1, maxItems: 2, items: obj({ to: { type: "string", minLength: 1 } }, ["to"]) } });
    expect(messages({ fields: [] }, s)).toEqual(['fields: "fields" needs at least 1 item']);
    expect(messages({ fields: [{ to: "a" }, {}, { to: "b" }] }, s)).toEqual(['fields: "fields" takes at most 2 items (has 3)', 'fields.1.to: "fields.1.to" is required']);
  });

  it("maps: every value against additionalProperties; false refuses unknown keys", () => {
    const headers = obj({ headers: { type: "object", additionalProperties: { type: "string" } } });
    expect(messages({ headers: { Accept: "json", "X-N": 5 } }, headers)).toEqual(['headers.X-N: "headers.X-N" must be text']);
    expect(messages({ a: 1, b: 2 }, { type: "object", properties: { a: {} }, additionalProperties: false })).toEqual(['b: "b" is not a field here']);
  });

  it("template strings are accepted for any type, enum, pattern or length, since they resolve at run time", () => {
    const s = obj(
      { n: { type: "integer", minimum: 5 }, m: { type: "string", enum: ["a"] }, url: { type: "string", pattern: "^https://" }, list: { type: "array" }, b: { type: "boolean" } },
      ["n"],
    );
    expect(messages({ n: "{{ steps.a.output.n }}", m: "{{ trigger.body.m }}", url: "http://x/{{ steps.a.output.id }}", list: "{{ steps.a.output.items }}", b: "{{ true }}" }, s)).toEqual([]);
    expect(isTemplate("plain {{ text")).toBe(false);
  });

  it("anyOf/oneOf: a value any branch accepts passes; a discriminated object reports its own branch's problems", () => {
    const body = obj({
      body: {
        oneOf: [obj({ type: { const: "none" } }, ["type"]), obj({ type: { const: "raw" }, data: { type: "string" } }, ["type", "data"])],
      },
      value: { anyOf: [{ type: "string", minLength: 1 }, { type: "number" }] },
    });
    expect(messages({ body: { type: "none" }, value: 3 }, body)).toEqual([]);
    expect(messages({ body: { type: "raw" }, value: true }, body)).toEqual(['body.data: "body.data" is required', 'value: "value" must be text or a number']);
  });

  it("local $refs are followed; an unresolvable one accepts anything", () => {
    const s = { type: "object", properties: { a: { $ref: "#/$defs/N" }, b: { $ref: "#/$defs/missing" } }, $defs: { N: { type: "number" } } };
    expect(messages({ a: "x", b: "x" }, s)).toEqual(['a: "a" must be a number']);
  });

  it("a pattern that could backtrack without end is not run, so a hostile manifest cannot hang validation", () => {
    const s = obj({ x: { type: "string", pattern: "^(a+)+$" }, bad: { type: "string", pattern: "([" } });
    expect(messages({ x: `${"a".repeat(5000)}!`, bad: "anything" }, s)).toEqual([]);
  });

  it("a schema nested thousands of levels deep, or a huge list, is walked only to its bounds", () => {
    let deep: Record<string, unknown> = { type: "string" };
    let value: unknown = 1;
    for (let i = 0; i < 5000; i++) {
      deep = obj({ a: deep });
      value = { a: value };
    }
    expect(inputIssues(value, deep)).toEqual([]);
    const many = inputIssues({ xs: Array.from({ length: 100_000 }, () => "x") }, obj({ xs: { type: "array", items: { type: "number" } } }));
    expect(many.length).toBeGreaterThan(0);
    expect(many.length).toBeLessThanOrEqual(20_000);
  });

  it("the HTTP Request manifest: a wrong method and a non-http URL are named, a good input passes", () => {
    const schema = manifestOf(http).actions[0]!.input;
    expect(messages({ url: "https://example.com/", method: "GET", headers: { Accept: "application/json" } }, schema)).toEqual([]);
    expect(messages({ method: "FETCH", url: "ftp://example.com" }, schema)).toEqual([
      'method: "method" must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
      'url: "url" does not match the expected form (^https?:\\/\\/[^\\s/?#]+[^\\s]*$)',
    ]);
  });
});

describe("graph validation applies the action's input schema", () => {
  const schema = obj({ url: { type: "string", pattern: "^https?://" }, retries: { type: "integer", maximum: 5 } }, ["url"]);
  const catalog = () => ({ requiredInputs: ["url"], description: "", inputSchema: schema });
  const graph = (input: Record<string, unknown>) => ({
    schemaVersion: 1,
    nodes: [{ id: "start", kind: "trigger" }, { id: "call", kind: "action", action: { integration: "x", version: "1.0.0", key: "get" }, input }],
    edges: [{ id: "e", source: "start", target: "call" }],
  });

  it("each problem names the node and the field as input.<path>", () => {
    expect(graphIssues(graph({ url: "ftp://x", retries: 9 }), catalog)).toEqual([
      { nodeId: "call", field: "input.url", message: '"url" does not match the expected form (^https?://)' },
      { nodeId: "call", field: "input.retries", message: '"retries" must be at most 5' },
    ]);
  });

  it("a missing required input is reported once, and templates pass", () => {
    expect(graphIssues(graph({}), catalog)).toEqual([{ nodeId: "call", field: "input.url", message: '"url" is required' }]);
    expect(graphIssues(graph({ url: "{{ trigger.body.url }}", retries: "{{ trigger.body.n }}" }), catalog)).toEqual([]);
  });
});
