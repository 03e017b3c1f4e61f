import type { Doc } from "./doc";

/** A small draft for the editor's tests: trigger → find_user → branch (true → notify, false → stop). */
export function sampleDoc(): Doc {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", trigger: "manual", position: { x: 0, y: 0 } },
      { id: "find_user", kind: "action", label: "Find user", action: { integration: "core", version: "1", key: "http" }, input: { url: "https://x.test/{{ trigger.body.id }}" }, position: { x: 240, y: 0 } },
      { id: "known", kind: "branch", expression: "steps.find_user.output.found == true", position: { x: 480, y: 0 } },
      {
        id: "notify",
        kind: "action",
        action: { integration: "core", version: "1", key: "log" },
        input: { text: "Hello {{ steps.find_user.output.name }} ({{ steps['find_user'].output.id }})", nested: [{ v: "{{ steps.find_user }}" }] },
        position: { x: 720, y: -80 },
      },
      { id: "stop", kind: "stop", outcome: "error", message: "", position: { x: 720, y: 80 } },
    ],
    edges: [
      { id: "start-out-find_user", source: "start", target: "find_user" },
      { id: "find_user-out-known", source: "find_user", target: "known" },
      { id: "known-true-notify", source: "known", target: "notify", sourceHandle: "true" },
      { id: "known-false-stop", source: "known", target: "stop", sourceHandle: "false" },
    ],
  };
}
