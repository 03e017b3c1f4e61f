import { describe, expect, it } from "vitest";
import { BUILTIN_ACTIONS } from "@/workflows/actions/catalog";
import { buildFields } from "./fields";
import { rootMapSchema, unwrapRootMap, wrapIssues, wrapRootMap } from "./root-map";

describe("every built-in step has a form", () => {
  it("each built-in action's schema draws fields (the Set step's record as one map), never the JSON fallback for the whole input", () => {
    for (const [key, spec] of Object.entries(BUILTIN_ACTIONS)) {
      const schema = spec.inputSchema!;
      const tree = buildFields(rootMapSchema(schema) ?? schema);
      expect(tree.fields.length, key).toBeGreaterThan(0);
      // Only a value that may be any JSON (a body, a Set field's value) is edited as JSON or a template.
      expect(tree.fields.filter((f) => f.kind === "json").map((f) => f.key), key).toEqual(key === "http_request" || key === "webhook_response" ? ["body"] : []);
    }
    const set = buildFields(rootMapSchema(BUILTIN_ACTIONS.set!.inputSchema!)!);
    expect(set.fields).toMatchObject([{ kind: "map", key: "fields", label: "Fields", value: { kind: "json" } }]);
  });

  it("a record input round-trips through its map field, and its issues move with it", () => {
    expect(rootMapSchema({ type: "object", properties: { a: { type: "string" } } })).toBeNull();
    expect(rootMapSchema({ type: "object" })).toBeNull();
    const input = { greeting: "hi {{ trigger.body.name }}", n: 2 };
    expect(unwrapRootMap(wrapRootMap(input))).toEqual(input);
    expect(unwrapRootMap({})).toEqual({});
    expect(wrapIssues(new Map([["n", "bad"], ["", "whole"]]))).toEqual(new Map([["fields.n", "bad"], ["fields", "whole"]]));
  });
});
