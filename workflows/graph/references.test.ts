import { describe, expect, it } from "vitest";
import { builtinCatalog, type ActionCatalog } from "../actions/catalog";
import { graphIssues } from "./validate";

// An integration action whose manifest declares its output, the way the SDK writes it (z.toJSONSchema, io "output").
const OUTPUT = {
  type: "object",
  properties: {
    status: { type: "integer" },
    headers: { type: "object", propertyNames: { type: "string" }, additionalProperties: { type: "string" } },
    body: {},
    items: { type: "array", items: { type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false } },
    choice: { anyOf: [{ type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, { type: "object", properties: { b: { type: "number" } }, additionalProperties: false }] },
  },
  required: ["status", "headers", "body"],
  additionalProperties: false,
};
const catalog: ActionCatalog = (ref) => builtinCatalog(ref) ?? (ref.integration === "acme" ? { requiredInputs: [], description: "", outputSchema: OUTPUT } : undefined);

const act = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "acme", version: "1.0.0", key: "call" }, input });
function graph(nodes: unknown[], edges: [string, string, string?][]) {
  return { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "webhook" }, ...nodes], edges: edges.map(([source, target, sourceHandle], i) => ({ id: `e${i}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) })) };
}
const problems = (g: unknown) => graphIssues(g, catalog).map((i) => `${i.nodeId}.${i.field}: ${i.message}`);

describe("references in templates are checked against the graph and the output schemas", () => {
  it("accepts references to upstream steps' declared fields, the trigger's request fields, list items, unions and open values", () => {
    const g = graph(
      [
        act("a", {}),
        act("b", {
          url: "https://x/{{ steps.a.output.items[0].id }}/{{ steps.a.output.headers['content-type'] }}",
          n: "{{ steps.a.output.body.anything.deep + length(steps.a.output.items) + steps.a.output.items.length }}",
          c: "{{ steps.a.output.choice.b }} {{ trigger.body.name }} {{ trigger.headers.accept }} {{ steps.start.output.method }}",
        }),
      ],
      [["start", "a"], ["a", "b"]],
    );
    expect(problems(g)).toEqual([]);
  });

  it("a reference to a step that is not upstream is a problem on that field, naming both steps", () => {
    const g = graph([act("a", {}), act("b", { x: { deep: ["{{ steps.a.output.status }}"] } })], [["start", "a"], ["start", "b"]]);
    expect(problems(g)).toEqual(['b.input.x.deep.0: Step "a" does not come before "b", so its output is not available here; connect it upstream or pick a step that runs earlier']);
  });

  it("a reference to a deleted step, to the step itself, or past .output is named", () => {
    const g = graph([act("a", { self: "{{ steps.a.output.status }}", gone: "{{ steps.old.output }}", bare: "{{ steps.start.body }}" })], [["start", "a"]]);
    expect(problems(g).sort()).toEqual([
      'a.input.bare: steps.start has no "body"; a step\'s data is under steps.start.output',
      'a.input.gone: Step "old" does not exist (deleted or renamed?)',
      'a.input.self: A step cannot read its own output ("steps.a")',
    ]);
  });

  it("a field the output schema does not declare is a problem, listing the fields it has", () => {
    const g = graph(
      [act("a", {}), act("b", { x: "{{ steps.a.output.stauts }}", y: "{{ steps.a.output.items[0].name }}", z: "{{ steps.a.output.status.code }}", t: "{{ trigger.bdy }}" })],
      [["start", "a"], ["a", "b"]],
    );
    expect(problems(g).sort()).toEqual([
      'b.input.t: The trigger\'s data has no field "bdy" (it has body, deliveryId, headers, ip, kind, method, path, query, …)',
      'b.input.x: The output of step "a" has no field "stauts" (it has body, choice, headers, items, status)',
      'b.input.y: The output of step "a" has no field "items[0].name" (it has id)',
      'b.input.z: The output of step "a" at "status" is a whole number, with no field "code"',
    ]);
  });

  it("a loop body's steps are not upstream of what follows the loop, while the loop's own output is; item exists only in the body", () => {
    const g = graph(
      [
        { id: "each", kind: "loop", items: "{{ steps.start.output.body.list }}" },
        act("inner", { v: "{{ item.id }} {{ index }} {{ steps.start.output.body }}" }),
        act("after", { r: "{{ steps.each.output[0] }}", bad: "{{ steps.inner.output.status }}", i: "{{ item }}" }),
      ],
      [["start", "each"], ["each", "inner", "each"], ["inner", "each"], ["each", "after", "done"]],
    );
    expect(problems(g).sort()).toEqual([
      'after.input.bad: Step "inner" does not come before "after", so its output is not available here; connect it upstream or pick a step that runs earlier',
      'after.input.i: "item" is only set inside a loop\'s body; "after" is not in one',
    ]);
  });

  it("branch expressions and loop items are checked too; a step without a declared output takes any field", () => {
    const g = graph(
      [
        { id: "check", kind: "branch", expression: "steps.later.output.ok" },
        { id: "later", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: {} },
        act("z", { v: "{{ steps.later.output.whatever.deep }} {{ steps.check.output.result }}" }),
      ],
      [["start", "check"], ["check", "later", "true"], ["later", "z"]],
    );
    expect(problems(g)).toEqual(['check.expression: Step "later" does not come before "check", so its output is not available here; connect it upstream or pick a step that runs earlier']);
  });

  it("an unclosed {{ is reported once, by its position, not again as a reference problem", () => {
    const g = graph([act("a", { url: "https://x/{{ steps.nope.output" })], [["start", "a"]]);
    expect(problems(g)).toEqual(['a.input.url: "{{" at position 11 is never closed with "}}" in "https://x/{{ steps.nope.output"']);
  });
});
