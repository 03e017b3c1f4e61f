import { describe, expect, it } from "vitest";
import { readWorkflowFile, sortedKeys, toWorkflowFile, WORKFLOW_FILE_VERSION } from "./workflow-file";

const graph = {
  schemaVersion: 1,
  nodes: [
    { kind: "trigger", id: "start", trigger: "manual", position: { y: 0, x: 0 } },
    { id: "call", kind: "action", action: { version: "1.2.0", integration: "http-request", key: "send_request" }, connectionId: "c-1", input: { url: "https://example.com" } },
    { id: "poll", kind: "trigger", trigger: "polling", app: { integration: "acme", version: "2.0.0", key: "new_item", connectionId: "gone" } },
  ],
  edges: [{ id: "e1", source: "start", target: "call" }],
  notes: [{ id: "n1", text: "**why** this exists", position: { x: 1, y: 2 } }],
};
const named = (id: string) => (id === "c-1" ? { integration: "http-request", name: "Team API" } : null);
const at = new Date("2026-12-03T10:00:00Z");

describe("the workflow file", () => {
  it("names connections by integration and name, never by id, and keeps notes", () => {
    const file = JSON.parse(toWorkflowFile({ name: "Leads", description: "", graph }, named, at));
    expect(file).toMatchObject({ format: "junction-workflow", schemaVersion: WORKFLOW_FILE_VERSION, name: "Leads", exportedAt: "2026-12-03T10:00:00.000Z" });
    expect(file.graph.nodes[1].connectionRef).toEqual({ integration: "http-request", name: "Team API" });
    expect(file.graph.nodes[1]).not.toHaveProperty("connectionId");
    // A connection that no longer exists is still a connection to choose, named by its integration alone.
    expect(file.graph.nodes[2].app).toMatchObject({ connectionRef: { integration: "acme", name: "" } });
    expect(file.graph.nodes[2].app).not.toHaveProperty("connectionId");
    expect(file.graph.notes).toEqual(graph.notes);
    // The exported graph is a copy: the workflow's own graph keeps its ids.
    expect(graph.nodes[1]).toHaveProperty("connectionId", "c-1");
  });

  it("writes keys in a stable order, so the same workflow exports to the same bytes whatever order it was built in", () => {
    const shuffled = JSON.parse(JSON.stringify(graph), (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
    expect(toWorkflowFile({ name: "Leads", description: "", graph: shuffled }, named, at)).toBe(toWorkflowFile({ name: "Leads", description: "", graph }, named, at));
    const text = toWorkflowFile({ name: "Leads", description: "", graph }, named, at);
    expect(text.indexOf('"description"')).toBeLessThan(text.indexOf('"exportedAt"'));
    expect(JSON.stringify(sortedKeys({ b: 1, a: { d: 2, c: 3 } }))).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it("reads back what it wrote", () => {
    const read = readWorkflowFile(JSON.parse(toWorkflowFile({ name: "Leads", description: "Routes leads", graph }, named, at)));
    expect(read).toMatchObject({ ok: true, upgradedFrom: null, file: { name: "Leads", description: "Routes leads" } });
  });

  it("upgrades a bare graph (the editor's JSON view) from version 0", () => {
    const read = readWorkflowFile(graph);
    expect(read).toMatchObject({ ok: true, upgradedFrom: 0, file: { schemaVersion: WORKFLOW_FILE_VERSION, name: "Imported workflow", graph } });
  });

  it("refuses what is not a Junction workflow, naming what it found", () => {
    for (const [raw, found] of [
      [[1, 2], "a JSON list"],
      ["hello", "a JSON string"],
      [null, "a JSON null"],
      [{ name: "x", steps: [] }, 'a JSON object with "name", "steps"'],
      [{ format: "n8n", nodes: [] }, 'a JSON object with "format", "nodes"'],
    ] as const) {
      const read = readWorkflowFile(raw);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.errors[0]).toContain(`This is not a Junction workflow file`);
      expect(!read.ok && read.errors[0]).toContain(found);
    }
  });

  it("refuses a file from a newer Junction, saying what to do", () => {
    const read = readWorkflowFile({ format: "junction-workflow", schemaVersion: WORKFLOW_FILE_VERSION + 1, name: "Future", graph });
    expect(read).toEqual({ ok: false, errors: [expect.stringContaining(`exported by a newer Junction (workflow file version ${WORKFLOW_FILE_VERSION + 1})`)] });
    expect(!read.ok && read.errors[0]).toContain("Update Junction");
  });

  it("lists every broken field at once", () => {
    const read = readWorkflowFile({ format: "junction-workflow", schemaVersion: 1, name: 42, description: [], graph: { nodes: {} } });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([expect.stringContaining('"name" must be text'), expect.stringContaining('"description" must be text'), expect.stringContaining('"graph" must have "nodes" and "edges"')]);
    expect(readWorkflowFile({ format: "junction-workflow", schemaVersion: "1", graph })).toEqual({ ok: false, errors: [expect.stringContaining('"schemaVersion" must be a whole number')] });
  });
});
