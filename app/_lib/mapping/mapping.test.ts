import { describe, expect, it } from "vitest";
import type { Doc } from "@/app/_lib/graph-edit/doc";
import { apply, renameNodeIdOp } from "@/app/_lib/graph-edit/ops";
import { builtinCatalog, type ActionCatalog } from "@/workflows/actions/catalog";
import { nodeReferenceIssues } from "@/workflows/graph/references";
import { searchFields, sourceFields, type MappingField } from "./fields";
import { previewTemplate, sampleWarnings } from "./preview";
import { mappingView, parsedGraph, type Sample } from "./sources";

// The HTTP Request integration's output, as its manifest declares it (z.toJSONSchema, io "output").
const HTTP_OUTPUT = {
  type: "object",
  properties: { status: { type: "integer" }, headers: { type: "object", propertyNames: { type: "string" }, additionalProperties: { type: "string" } }, body: {} },
  required: ["status", "headers", "body"],
  additionalProperties: false,
};
const ROWS_OUTPUT = { type: "object", properties: { rows: { type: "array", items: { type: "object", properties: { id: { type: "string" }, total: { type: "number" } }, additionalProperties: false } } }, additionalProperties: false };
const catalog: ActionCatalog = (ref) => builtinCatalog(ref) ?? (ref.key === "send_request" ? { requiredInputs: [], description: "", outputSchema: HTTP_OUTPUT } : ref.key === "rows" ? { requiredInputs: [], description: "", outputSchema: ROWS_OUTPUT } : undefined);
const http = (id: string, input: Record<string, unknown> = {}) => ({ id, kind: "action", action: { integration: "http-request", version: "1.2.0", key: "send_request" }, input });

const paths = (fields: MappingField[]): string[] => fields.flatMap((f) => [`${f.expression}: ${f.type}${f.sample ? ` = ${JSON.stringify(f.sample.value)}` : ""}${f.declared ? "" : " (sample only)"}`, ...paths(f.children)]);

describe("the mapping picker's field list", () => {
  it("from a declared output schema alone, before anything ran: fields, types, list items and each", () => {
    const tree = sourceFields("steps", ["list", "output"], ROWS_OUTPUT);
    expect(paths(tree.fields)).toEqual([
      "steps.list.output.rows: list",
      "steps.list.output.rows[0]: object",
      "steps.list.output.rows[0].id: text",
      "steps.list.output.rows[0].total: number",
      'pluck(steps.list.output.rows, "id"): list',
      'pluck(steps.list.output.rows, "total"): list',
    ]);
    expect(tree.truncated).toBe(false);
  });

  it("from a sample alone (a step that declares nothing): the sample's fields, typed by their values", () => {
    const tree = sourceFields("trigger", [], undefined, { value: { body: { name: "Ada", tags: ["x"], "first name": "A" } } });
    expect(paths(tree.fields)).toEqual([
      'trigger.body: object = {"name":"Ada","tags":["x"],"first name":"A"} (sample only)',
      'trigger.body.name: text = "Ada" (sample only)',
      'trigger.body.tags: list = ["x"] (sample only)',
      'trigger.body.tags[0]: text = "x" (sample only)',
      'trigger.body["first name"]: text = "A" (sample only)',
    ]);
  });

  it("merged: declared fields typed by the schema, with the sample's values; an open field (body) expanded from the sample", () => {
    const tree = sourceFields("steps", ["call", "output"], HTTP_OUTPUT, { value: { status: 200, headers: { "content-type": "application/json" }, body: { id: 7 } } });
    expect(paths(tree.fields)).toEqual([
      "steps.call.output.status: whole number = 200",
      'steps.call.output.headers: object = {"content-type":"application/json"}',
      'steps.call.output.headers["content-type"]: text = "application/json"',
      'steps.call.output.body: object = {"id":7}',
      "steps.call.output.body.id: number = 7 (sample only)",
    ]);
    expect(searchFields(tree.fields, "CONTENT").map((f) => f.expression)).toEqual(['steps.call.output.headers["content-type"]']);
  });

  it("a schema 40 levels deep or with thousands of fields gives a bounded tree", () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 40; i++) deep = { type: "object", properties: { d: deep } };
    const depthOf = (fs: MappingField[]): number => (fs.length === 0 ? 0 : 1 + Math.max(...fs.map((f) => depthOf(f.children))));
    expect(depthOf(sourceFields("trigger", [], deep).fields)).toBe(8);
    const wide = { type: "object", properties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, { type: "string" }])) };
    const tree = sourceFields("trigger", [], wide);
    expect(tree.fields.length).toBe(1500);
    expect(tree.truncated).toBe(true);
  });
});

describe("a step's mapping view: sources, preview and reference checks", () => {
  const draft = {
    nodes: [
      { id: "start", kind: "trigger", trigger: "webhook" },
      http("fetch", { url: "https://x/a" }),
      http("side", { url: "https://x/b" }),
      { id: "each", kind: "loop", items: "{{ steps.list.output.rows }}" },
      { id: "list", kind: "action", action: { integration: "acme", version: "1", key: "rows" }, input: {} },
      http("call", { url: "https://x/{{ trigger.body.name }}" }),
      http("inner", { url: "https://x/{{ item.id }}" }),
    ],
    edges: [
      { id: "e1", source: "start", target: "fetch" },
      { id: "e2", source: "start", target: "side" },
      { id: "e3", source: "fetch", target: "call" },
      { id: "e4", source: "call", target: "list" },
      { id: "e5", source: "list", target: "each" },
      { id: "e6", source: "each", sourceHandle: "each", target: "inner" },
    ],
  };
  const graph = parsedGraph(draft);
  const sample: Sample = { trigger: { kind: "webhook", method: "POST", headers: {}, query: {}, body: { name: "Ada" } }, steps: { fetch: { status: 200, headers: {}, body: { id: 1 } }, list: { rows: [{ id: "r1", total: 3 }] } }, source: "Run 1" };

  it("lists the trigger and the upstream steps only (not a side branch), each with its fields", () => {
    const view = mappingView(graph, "call", catalog, sample);
    expect(view.sources.map((s) => [s.expression, s.hasSample])).toEqual([["trigger", true], ["steps.fetch.output", true]]);
    // The trigger's body is open in its schema ({}): its fields come from the sample.
    expect(paths(view.sources[0]!.tree().fields)).toContain('trigger.body.name: text = "Ada" (sample only)');
    expect(paths(view.sources[0]!.tree().fields)).toContain("trigger.method: text = \"POST\"");
  });

  it("inside a loop's body, offers the loop item typed from the listed step's schema, with the sample's first item", () => {
    const view = mappingView(graph, "inner", catalog, sample);
    // Steps in the draft's order.
    expect(view.sources.map((s) => s.expression)).toEqual(["item", "trigger", "steps.fetch.output", "steps.each.output", "steps.list.output", "steps.call.output"]);
    expect(paths(view.sources[0]!.tree().fields)).toEqual(['item.id: text = "r1"', "item.total: number = 3"]);
    expect(previewTemplate("{{ item.id }}-{{ index }}", view)).toEqual({ kind: "value", value: "r1-0" });
  });

  it("previews with the interpreter's evaluator: a value, the evaluator's error, or no sample yet", () => {
    const view = mappingView(graph, "call", catalog, sample);
    expect(previewTemplate("https://x/{{ upper(trigger.body.name) }}", view)).toEqual({ kind: "value", value: "https://x/ADA" });
    expect(previewTemplate("{{ steps.fetch.output.status }}", view)).toEqual({ kind: "value", value: 200 });
    expect(previewTemplate("{{ nope(1) }}", view)).toEqual({ kind: "error", message: 'Unknown function "nope"' });
    expect(previewTemplate("x {{ trigger.body", view)).toEqual({ kind: "error", message: expect.stringMatching(/"\{\{" at position 3 is never closed/) });
    expect(previewTemplate("{{ trigger.body.name }}", mappingView(graph, "call", catalog, null))).toEqual({ kind: "none" });
  });

  it("a reference the schema allows but the sample lacks is a warning; one the schema rules out is an error, not also a warning", () => {
    const view = mappingView(graph, "call", catalog, sample);
    expect(sampleWarnings("{{ trigger.body.email }} {{ steps.fetch.output.body.id }}", view)).toEqual(['The sample has no "body.email" in the trigger\'s data']);
    expect(sampleWarnings("{{ steps.fetch.output.stauts }}", view)).toEqual([]);
    const node = parsedGraph({ nodes: [http("call", { url: "{{ steps.fetch.output.stauts }} {{ steps.side.output.status }}" })] }).nodes[0]!;
    expect(nodeReferenceIssues(view.references, node).map((i) => i.message)).toEqual([
      'The output of step "fetch" has no field "stauts" (it has body, headers, status)',
      'Step "side" does not come before "call", so its output is not available here; connect it upstream or pick a step that runs earlier',
    ]);
  });
});

describe("renaming a step keeps its references working", () => {
  it("after renameNodeIdOp, the downstream step's references name the new id, pass the reference check and preview", () => {
    const doc: Doc = {
      nodes: [
        { id: "start", kind: "trigger", trigger: "webhook" },
        http("fetch", { url: "https://x/a" }),
        http("call", { url: "https://x/{{ steps.fetch.output.status }}/{{ trigger.body.name }}" }),
      ],
      edges: [
        { id: "e1", source: "start", target: "fetch" },
        { id: "e2", source: "fetch", target: "call" },
      ],
    };
    const r = renameNodeIdOp(doc, "fetch", "lookup");
    if (!r.ok) throw new Error(r.error);
    const after = apply(doc, r.op);
    const graph = parsedGraph(after);
    const call = graph.nodes.find((n) => n.id === "call")!;
    expect(call.kind === "action" && call.input.url).toBe("https://x/{{ steps.lookup.output.status }}/{{ trigger.body.name }}");
    const view = mappingView(graph, "call", catalog, { trigger: { body: { name: "Ada" } }, steps: { lookup: { status: 201, headers: {}, body: null } }, source: "Run 2" });
    expect(nodeReferenceIssues(view.references, call)).toEqual([]);
    expect(view.sources.map((s) => s.expression)).toEqual(["trigger", "steps.lookup.output"]);
    expect(previewTemplate(call.kind === "action" ? String(call.input.url) : "", view)).toEqual({ kind: "value", value: "https://x/201/Ada" });
    // The same text without the rewrite would name a step that no longer exists.
    const stale = parsedGraph({ ...after, nodes: after.nodes.map((n) => (n.id === "call" ? doc.nodes[2]! : n)) });
    expect(nodeReferenceIssues(mappingView(stale, "call", catalog, null).references, stale.nodes[2]!).map((i) => i.message)).toEqual(['Step "fetch" does not exist (deleted or renamed?)']);
  });
});
