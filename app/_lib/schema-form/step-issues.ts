import { builtinCatalog, type ActionCatalog } from "@/workflows/actions/catalog";
import { inputIssues, type JsonSchema } from "@/workflows/graph/input-schema";
import { graphNode } from "@/workflows/graph/schema";
import { nodeIssues } from "@/workflows/graph/validate";

/**
 * One node's problems as the step form shows them while you type, keyed by field ("input.url",
 * "settings.retry.maxAttempts", "expression"): the node schema and the node checks the server runs on save,
 * with the action's input schema when the editor has it. First message per field.
 */
export function stepIssues(raw: unknown, inputSchema?: JsonSchema): Map<string, string> {
  const out = new Map<string, string>();
  const add = (field: string, message: string) => out.has(field) || out.set(field, message);
  const parsed = graphNode.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) add(i.path.join(".") || "node", i.message);
    // The input is still worth checking while, say, a setting is out of range.
    const input = (raw as { kind?: unknown; input?: unknown } | null)?.input;
    if (inputSchema && (raw as { kind?: unknown } | null)?.kind === "action") for (const i of inputIssues(input ?? {}, inputSchema)) add(i.path ? `input.${i.path}` : "input", i.message);
    return out;
  }
  // Without a schema (still loading, or a version the catalog does not offer) only the built-ins are checked.
  const catalog: ActionCatalog = (ref) => (inputSchema ? { requiredInputs: [], description: "", inputSchema } : (builtinCatalog(ref) ?? { requiredInputs: [], description: "" }));
  for (const i of nodeIssues(parsed.data, catalog)) add(i.field, i.message);
  return out;
}

/** The problems under one prefix ("input.", "settings."), keyed by the rest of the path. */
export function issuesUnder(issues: Map<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of issues) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), v);
  return out;
}
