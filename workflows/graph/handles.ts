import type { GraphEdge } from "./schema";

/**
 * Which exit of its source an edge leaves by. Lives apart from schema.ts (types only from there) so the
 * interpreter's bundle never pulls in zod: the workflow sandbox loads the bundle for every run.
 */
export const handleOf = (e: Pick<GraphEdge, "sourceHandle">): string => e.sourceHandle ?? "out";

/**
 * The fields that decide a node's exits, read loosely: the editor asks about drafts whose nodes do not parse yet
 * (a branch without its expression still has its exits). A missing mode is "if", as the schema's default.
 */
export type ExitsOf = { kind: string; mode?: unknown; cases?: unknown; settings?: unknown };

const caseList = (cases: unknown): string[] => (Array.isArray(cases) ? cases.filter((c): c is string => typeof c === "string") : []);

/** Every exit an edge may leave a node by (validation refuses any other); null for a kind nobody knows. */
export function handlesOf(n: ExitsOf): string[] | null {
  switch (n.kind) {
    case "branch":
      return n.mode === "switch" ? [...new Set([...caseList(n.cases), "default"])] : ["true", "false"];
    case "loop":
      return ["each", "done"];
    case "action":
      return ["out", "error"];
    case "stop":
      return [];
    case "trigger":
    case "merge":
    case "delay":
      return ["out"];
    default:
      return null;
  }
}

/**
 * The exits a node offers to connect: its valid exits, less an action's "error" unless its on-error setting is
 * "route" (the interpreter follows "error" only then: workflows/interpreter/nodes.ts).
 */
export function offeredExits(n: ExitsOf): string[] {
  const all = handlesOf(n) ?? ["out"];
  if (n.kind !== "action") return all;
  const onError = typeof n.settings === "object" && n.settings !== null ? (n.settings as { onError?: unknown }).onError : undefined;
  return onError === "route" ? all : all.filter((h) => h !== "error");
}
