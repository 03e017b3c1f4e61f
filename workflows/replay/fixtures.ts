/**
 * Replay fixtures are recorded with this fixed, public key (histories hold only test data), so the replay test
 * can decode them anywhere. Never use it for real payloads.
 */
export const FIXTURE_PAYLOAD_KEY = Buffer.alloc(32, 42).toString("base64");
export const HISTORIES_DIR = new URL("./histories/", import.meta.url).pathname;

/** The graphs whose runs are recorded: together they exercise every node kind and parallel branches. */
export const FIXTURE_GRAPHS = {
  linear: { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, set("a", { v: "{{ trigger.body.n }}" }), set("b", { w: "{{ steps.a.output.v + 1 }}" })], edges: chain("start", "a", "b") },
  control: {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      { id: "check", kind: "branch", expression: "trigger.body.n > 1" },
      { id: "each", kind: "loop", items: "{{ trigger.body.list }}", concurrency: 2 },
      set("per_item", { v: "{{ item }}" }),
      { id: "pause", kind: "delay", durationMs: 10 },
      { id: "join", kind: "merge" },
      set("done", { r: "{{ steps.join.output }}" }),
    ],
    edges: [
      { id: "e1", source: "start", target: "check" },
      { id: "e2", source: "check", sourceHandle: "true", target: "each" },
      { id: "e3", source: "check", sourceHandle: "true", target: "pause" },
      { id: "e4", source: "each", sourceHandle: "each", target: "per_item" },
      { id: "e5", source: "each", sourceHandle: "done", target: "join" },
      { id: "e6", source: "pause", target: "join" },
      { id: "e7", source: "join", target: "done" },
    ],
  },
} as const;
export const FIXTURE_INPUT = { n: 2, list: [1, 2, 3] };

function set(id: string, input: Record<string, unknown>) {
  return { id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input };
}
function chain(...ids: string[]) {
  return ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id }));
}
