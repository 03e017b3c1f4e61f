import { ExpressionError } from "./parser";
import { pathExpression, templatePaths, type DataPath } from "./paths";

/**
 * Why a step the mapping reads has no ordinary output: "skipped" (no active edge led to it, e.g. the branch not
 * taken) or "failed" (it failed and the run went on: onError "continue" or "route").
 */
export type StepState = "skipped" | "failed";

/** A reference in a step's input to a skipped or failed step, recorded on the consuming step (run_steps.warnings). */
export type MappingWarning = { field: string; reference: string; step: string; why: StepState; message: string };

/** A step record stays small whatever the input: the first warnings are the useful ones. */
export const MAX_WARNINGS = 20;
const MAX_NODES = 10_000;

/**
 * The references in `input`'s templates to steps `states` marks as skipped or failed. Reading a failed step's
 * error (`steps.x.output.error…`) is what an error path does on purpose, so it is not warned about. Pure and
 * deterministic (it runs in the interpreter); templates that do not parse are left to the step, which fails
 * naming the field. Bounded walk: an explicit stack, at most MAX_NODES values.
 */
export function mappingWarnings(input: unknown, states: Readonly<Record<string, StepState>>): MappingWarning[] {
  const out: MappingWarning[] = [];
  if (Object.keys(states).length === 0) return out;
  const seen = new Set<string>();
  const stack: { value: unknown; field: string }[] = [{ value: input, field: "" }];
  for (let n = 0; stack.length > 0 && n < MAX_NODES && out.length < MAX_WARNINGS; n++) {
    const { value, field } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("{{")) warnAbout(value, field, states, seen, out);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], field: `${field}[${i}]` });
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], field: field ? `${field}.${entries[i]![0]}` : entries[i]![0] });
    }
  }
  return out.slice(0, MAX_WARNINGS);
}

const MAX_TEXT = 200;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

function warnAbout(template: string, field: string, states: Readonly<Record<string, StepState>>, seen: Set<string>, out: MappingWarning[]) {
  let paths: DataPath[];
  try {
    paths = templatePaths(template);
  } catch (err) {
    if (err instanceof ExpressionError) return;
    throw err;
  }
  for (const p of paths) {
    const step = p.keys[0];
    if (p.root !== "steps" || typeof step !== "string" || !Object.hasOwn(states, step)) continue;
    const why = states[step]!;
    if (why === "failed" && p.keys[1] === "output" && p.keys[2] === "error") continue;
    const reference = clip(pathExpression("steps", p.keys));
    const where = clip(field ? `input.${field}` : "input");
    if (seen.has(`${where} ${reference}`)) continue;
    seen.add(`${where} ${reference}`);
    const message =
      why === "skipped"
        ? `${where} reads ${reference}, but step "${step}" was skipped (no branch led to it), so it is empty here.`
        : `${where} reads ${reference}, but step "${step}" failed and the run went on (its "on error" setting), so its output holds only the error (steps.${step}.output.error.message).`;
    out.push({ field: where, reference, step, why, message });
  }
}
