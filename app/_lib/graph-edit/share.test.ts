import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { shareUnchanged } from "./share";

const set = (id: string, v: string) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { v }, settings: { onError: "fail" } });
const doc = (nodes: Doc["nodes"]): Doc => ({ schemaVersion: 1, nodes, edges: [{ id: "e1", source: "start", target: "a" }] });

describe("a document re-read from the server keeps the objects of unchanged steps", () => {
  it("steps and edges that serialise the same are the previous objects; a changed one is the new object", () => {
    const prev = doc([{ id: "start", kind: "trigger" }, set("a", "1"), set("b", "2")]);
    const next = JSON.parse(JSON.stringify(doc([{ id: "start", kind: "trigger" }, set("a", "1"), set("b", "changed")]))) as Doc;
    const shared = shareUnchanged(prev, next);
    expect(shared.nodes[0]).toBe(prev.nodes[0]);
    expect(shared.nodes[1]).toBe(prev.nodes[1]);
    expect(shared.nodes[2]).toBe(next.nodes[2]);
    expect(shared.edges[0]).toBe(prev.edges[0]);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(next));
  });

  it("a step whose keys come back in another order is taken as sent, so the JSON text matches the document", () => {
    const prev = doc([{ id: "start", kind: "trigger" }, set("a", "1")]);
    const { id, ...rest } = set("a", "1");
    const next = JSON.parse(JSON.stringify(doc([{ id: "start", kind: "trigger" }, { ...rest, id }]))) as Doc;
    const shared = shareUnchanged(prev, next);
    expect(shared.nodes[1]).toBe(next.nodes[1]);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(next));
  });
});
