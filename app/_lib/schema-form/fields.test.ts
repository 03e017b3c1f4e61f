import { describe, expect, it } from "vitest";
import { manifestOf } from "@junction/sdk";
import code from "@/integrations/official/code/src/index";
import http from "@/integrations/official/http-request/src/index";
import transform from "@/integrations/official/transform/src/index";
import { buildFields, humanise, MAX_DEPTH, MAX_FIELDS, type Field } from "./fields";
import { CODE_STEP_HINTS } from "./hints";

const one = (prop: Record<string, unknown>, extra: Record<string, unknown> = {}) => buildFields({ type: "object", properties: { f: prop }, ...extra }).fields[0]!;
const byKey = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.key, f]));

describe("JSON Schema → field tree", () => {
  it("each scalar kind: text, number, integer, boolean, enum", () => {
    expect(one({ type: "string" })).toMatchObject({ kind: "text" });
    expect(one({ type: "number", minimum: 0, maximum: 5 })).toMatchObject({ kind: "number", minimum: 0, maximum: 5 });
    expect(one({ type: "integer" })).toMatchObject({ kind: "integer" });
    expect(one({ type: "boolean", default: true })).toMatchObject({ kind: "boolean", default: true });
    expect(one({ type: "string", enum: ["a", "b"] })).toMatchObject({ kind: "enum", options: [{ value: "a", label: "a" }, { value: "b", label: "b" }] });
    expect(one({ type: ["string", "number", "boolean"] })).toMatchObject({ kind: "text" });
  });

  it("text widgets: multi-line, secret, date-time and code, from standard keywords or x-junction hints", () => {
    expect(one({ type: "string", "x-multiline": true })).toMatchObject({ kind: "textarea" });
    expect(one({ type: "string", "x-junction-widget": "textarea" })).toMatchObject({ kind: "textarea" });
    expect(one({ type: "string", format: "password" })).toMatchObject({ kind: "secret" });
    expect(one({ type: "string", writeOnly: true })).toMatchObject({ kind: "secret" });
    expect(one({ type: "string", format: "date-time" })).toMatchObject({ kind: "datetime" });
    expect(one({ type: "string", contentMediaType: "text/javascript" })).toMatchObject({ kind: "code", language: "javascript" });
    expect(one({ type: "string", "x-junction-widget": "code", "x-junction-language": "json" })).toMatchObject({ kind: "code", language: "json" });
    expect(one({ type: "string", minLength: 1, maxLength: 9, pattern: "^a" })).toMatchObject({ kind: "text", minLength: 1, maxLength: 9, pattern: "^a" });
  });

  it("lists, nested objects and key-value maps, with their children's paths", () => {
    const list = one({ type: "array", minItems: 1, items: { type: "string" } });
    expect(list).toMatchObject({ kind: "array", minItems: 1, item: { kind: "text", path: ["f", "*"], label: "Item" } });
    const nested = one({ type: "object", properties: { to: { type: "string" }, n: { type: "integer" } }, required: ["to"] });
    expect(nested).toMatchObject({ kind: "object", fields: [{ key: "to", path: ["f", "to"], required: true }, { key: "n", required: false }] });
    expect(one({ type: "object", additionalProperties: { type: "string" } })).toMatchObject({ kind: "map", value: { kind: "text", path: ["f", "*"] } });
    expect(one({ type: "object", additionalProperties: {} })).toMatchObject({ kind: "map", value: { kind: "json" } });
  });

  it("required markers, descriptions, defaults and labels (title, else the key in words)", () => {
    const { fields } = buildFields({
      type: "object",
      properties: { failOnHttpError: { type: "boolean", default: true, description: "Fail on 4xx/5xx" }, api_key: { type: "string", title: "Key" }, userId: { type: "string" } },
      required: ["userId"],
    });
    expect(fields.map((f) => [f.label, f.required, f.description, f.default])).toEqual([
      ["User ID", true, undefined, undefined],
      ["Fail on HTTP error", false, "Fail on 4xx/5xx", true],
      ["Key", false, undefined, undefined],
    ]);
    expect(humanise("max_items")).toBe("Max items");
  });

  it("unions: a discriminated object union is a variant; text-or-number is text; X-or-null is X; the rest is JSON", () => {
    const body = one({ oneOf: [{ type: "object", properties: { type: { const: "none" } } }, { type: "object", properties: { type: { const: "raw" }, data: { type: "string" } }, required: ["type", "data"] }] });
    expect(body).toMatchObject({ kind: "variant", discriminator: "type", variants: [{ value: "none", fields: [] }, { value: "raw", fields: [{ key: "data", kind: "text", required: true }] }] });
    expect(one({ anyOf: [{ type: "string" }, { type: "number" }] })).toMatchObject({ kind: "text" });
    expect(one({ anyOf: [{ type: "integer" }, { type: "null" }], description: "n" })).toMatchObject({ kind: "integer", description: "n" });
    expect(one({ anyOf: [{ type: "object" }, { type: "array" }] })).toMatchObject({ kind: "json" });
    expect(one({})).toMatchObject({ kind: "json" });
  });

  it("fields come required first, then single values, then groups, whatever order the (jsonb-stored) schema lists them in", () => {
    const { fields } = buildFields({
      type: "object",
      properties: { url: { type: "string" }, body: { type: "object" }, query: { type: "object" }, method: { type: "string", enum: ["GET"] }, headers: { type: "object" }, code: { type: "string" } },
      required: ["code", "url"],
    });
    expect(fields.map((f) => f.key)).toEqual(["url", "code", "method", "body", "query", "headers"]);
  });

  it("dynamic options: the manifest's dynamicOptions make the field a live select with its dependsOn", () => {
    const { fields } = buildFields({ type: "object", properties: { team: { type: "string" }, channel: { type: "string" } } }, { dynamicOptions: [{ field: "channel", dependsOn: ["team"], searchable: true }] });
    expect(fields[1]).toMatchObject({ kind: "enum", options: [], dynamic: { dependsOn: ["team"], searchable: true } });
  });

  it("$refs are followed, and a self-referencing schema stops at the depth limit as JSON", () => {
    const tree = buildFields({ type: "object", properties: { node: { $ref: "#/$defs/Node" } }, $defs: { Node: { type: "object", properties: { child: { $ref: "#/$defs/Node" } } } } });
    let f: Field = tree.fields[0]!;
    let depth = 1;
    while (f.kind === "object") {
      f = f.fields[0]!;
      depth++;
    }
    expect(f.kind).toBe("json");
    expect(depth).toBe(MAX_DEPTH + 1);
  });

  it("a hostile manifest (100 000 properties, a union chain 10 000 deep) gives a bounded tree, not a hung tab", () => {
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`p${i}`, { type: "object", properties: { a: { type: "string" } } }]));
    const tree = buildFields({ type: "object", properties: wide });
    expect(tree.truncated).toBe(true);
    expect(tree.fields.length).toBeLessThanOrEqual(MAX_FIELDS);
    let chain: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 10_000; i++) chain = { anyOf: [chain] };
    expect(one(chain)).toMatchObject({ kind: "json" });
  });
});

describe("every official integration's input schemas", () => {
  const manifests = [http, code, transform].map((i) => manifestOf(i));

  it("every action and trigger input builds, with one field per property and no field left undefined", () => {
    for (const m of manifests) {
      for (const a of [...m.actions, ...m.triggers]) {
        const tree = buildFields(a.input);
        expect(tree.truncated).toBe(false);
        expect(tree.fields.map((f) => f.key).sort()).toEqual(Object.keys((a.input.properties as object | undefined) ?? {}).sort());
        const walk = (f: Field): void => {
          expect(f).toBeDefined();
          if (f.kind === "object") f.fields.forEach(walk);
          if (f.kind === "array") walk(f.item);
          if (f.kind === "map") walk(f.value);
          if (f.kind === "variant") f.variants.forEach((v) => v.fields.forEach(walk));
        };
        tree.fields.forEach(walk);
      }
    }
  });

  it("HTTP Request: method select, URL required, headers and query maps, body by type, booleans", () => {
    const f = byKey(buildFields(manifests[0]!.actions[0]!.input).fields);
    expect(f.method).toMatchObject({ kind: "enum", default: "GET", label: "Method" });
    expect(f.url).toMatchObject({ kind: "text", required: true, label: "URL" });
    expect(f.headers).toMatchObject({ kind: "map", value: { kind: "text" } });
    expect(f.query).toMatchObject({ kind: "map", value: { kind: "json" } });
    expect(f.body).toMatchObject({ kind: "variant", discriminator: "type", default: { type: "none" } });
    expect((f.body as Extract<Field, { kind: "variant" }>).variants.map((v) => v.value)).toEqual(["none", "json", "form", "raw"]);
    expect(f.responseType).toMatchObject({ kind: "enum" });
    expect(f.failOnHttpError).toMatchObject({ kind: "boolean", default: true, label: "Fail on HTTP error" });
  });

  it("Code: the code field is a JavaScript editor (with the Code step's hints), inputs a map of any JSON", () => {
    const f = byKey(buildFields(manifests[1]!.actions[0]!.input, { hints: CODE_STEP_HINTS["code/run_code"] }).fields);
    expect(f.code).toMatchObject({ kind: "code", language: "javascript", required: true, maxLength: 100_000 });
    expect(f.code!.description).toContain("async function");
    expect(f.inputs).toMatchObject({ kind: "map", value: { kind: "json" } });
  });

  it("Transform: lists of objects with enums, required markers and defaults", () => {
    const actions = Object.fromEntries(manifests[2]!.actions.map((a) => [a.key, byKey(buildFields(a.input).fields)]));
    expect(actions.filter_items!.conditions).toMatchObject({ kind: "array", minItems: 1, required: true, item: { kind: "object", fields: [{ key: "field", required: true }, { key: "operator", kind: "enum" }, { key: "value", kind: "json" }] } });
    expect(actions.filter_items!.match).toMatchObject({ kind: "enum", default: "all" });
    expect(actions.format_number!.maximumFractionDigits).toMatchObject({ kind: "integer", minimum: 0, maximum: 20 });
    expect(actions.format_date!.value).toMatchObject({ kind: "text", required: true });
    expect(actions.pick_fields!.data).toMatchObject({ kind: "json", required: true });
  });
});
