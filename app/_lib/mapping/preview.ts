import { fieldPaths, pathProblem, textReferenceProblems, upstreamCheck } from "@/workflows/graph/references";
import { evaluate } from "@/workflows/mapping/evaluate";
import { pathExpression, pathText } from "@/workflows/mapping/paths";
import { renderValue } from "@/workflows/mapping/template";
import type { MappingView } from "./sources";

/**
 * A mapped field's preview: the template evaluated by the interpreter's own evaluator (workflows/mapping)
 * against the sample, or the evaluator's error, or that there is no sample to evaluate against yet.
 */
export type Preview = { kind: "none" } | { kind: "value"; value: unknown } | { kind: "error"; message: string };

export function previewTemplate(text: string, view: Pick<MappingView, "scope">, expression = false): Preview {
  if (!view.scope) return { kind: "none" };
  try {
    return { kind: "value", value: expression ? evaluate(text, view.scope) : renderValue(text, view.scope) };
  } catch (e) {
    return { kind: "error", message: (e as Error).message };
  }
}

/** The reference problems of one field's text, by the server's own check (workflows/graph/references.ts). */
export function referenceProblems(text: string, view: Pick<MappingView, "references" | "nodeId">, expression = false): string[] {
  return textReferenceProblems(view.references, view.nodeId, { text, expression });
}

/**
 * References the schema allows (or cannot judge) that the sample does not have: warnings, not errors, since
 * the next run may well have them (an optional field, a step that did not run on the sample's branch).
 */
export function sampleWarnings(text: string, view: MappingView, expression = false): string[] {
  if (!view.scope) return [];
  const out = new Set<string>();
  const steps = (view.scope.steps ?? {}) as Record<string, unknown>;
  const upstream = upstreamCheck(view.references, view.nodeId);
  for (const p of fieldPaths({ text, expression })) {
    if (p.root !== "trigger" && p.root !== "steps") continue;
    if (pathProblem(view.references, view.nodeId, p, upstream)) continue;
    if (p.root === "steps") {
      const id = String(p.keys[0] ?? "");
      if (!id) continue;
      if (!Object.hasOwn(steps, id)) {
        out.add(`Step "${id}" has no output in the sample (it did not run there)`);
        continue;
      }
    } else if (view.scope.trigger === undefined) continue;
    // Find the first key the sample lacks, by the evaluator's own reading of the path.
    const skip = p.root === "steps" ? 2 : 0;
    for (let i = skip + 1; i <= p.keys.length; i++) {
      let value: unknown;
      try {
        value = evaluate(pathExpression(p.root, p.keys.slice(0, i)), view.scope);
      } catch {
        break;
      }
      if (value === undefined) {
        const whose = p.root === "trigger" ? "the trigger's data" : `the output of step "${String(p.keys[0])}"`;
        out.add(`The sample has no "${pathText(p.keys.slice(skip, i))}" in ${whose}`);
        break;
      }
    }
  }
  return [...out];
}

/** A preview value as one line of text: strings as they are, everything else as JSON, cut at `max` characters. */
export function previewText(value: unknown, max = 300): string {
  const t = value === undefined ? "(nothing: undefined)" : typeof value === "string" ? (value === "" ? '""' : value) : JSON.stringify(value);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
