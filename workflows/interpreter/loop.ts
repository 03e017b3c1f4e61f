import { isCancellation } from "@temporalio/workflow";
import { handleOf } from "../graph/handles";
import type { LoopNode } from "../graph/schema";
import { renderValue } from "../mapping/template";
import type { Started } from "./control-record";
import { controlValue, messageOf, scopeOf, StepError, StopRun } from "./scope";
import { walkRegion, type ExecuteNode, type Frame, type NodeOutcome, type RunCtx } from "./walk";

/**
 * What a value is, in words, for the error of a loop over something that is not a list. The type only: the value
 * itself may be large or private, and the run record keeps the step's input for whoever needs it.
 */
function kindOf(v: unknown): string {
  if (v === undefined) return "nothing (no such field)";
  if (v === null) return "null";
  if (typeof v === "string") return `text (${v.length} character${v.length === 1 ? "" : "s"})`;
  if (typeof v === "number") return "a number";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "object") return `an object (${Object.keys(v).length} key${Object.keys(v).length === 1 ? "" : "s"})`;
  return typeof v;
}

/**
 * Runs the loop's body once per item, at most `concurrency` at a time. Each iteration gets its own frame
 * (its own view of step outputs and its own step keys, "loop[i].node"), so iterations never see each other.
 * Output: one result per item, in item order; a failed item is { error } when continueOnItemFailure is set.
 */
export async function runLoop(run: RunCtx, node: LoopNode, frame: Frame, execute: ExecuteNode, started: Started): Promise<NodeOutcome> {
  const items = controlValue(node, frame, "items", () => renderValue(node.items, scopeOf(run, frame)));
  if (!Array.isArray(items)) throw new StepError(node.id, frame.prefix + node.id, `"${node.id}".items must be a list, but ${node.items} gave ${kindOf(items)}`, "ExpressionError");
  await started({ items: items.length, concurrency: node.concurrency });
  const seeds = (run.s.outgoing.get(node.id) ?? []).filter((e) => handleOf(e) === "each");
  const results: unknown[] = new Array(items.length);
  let failed = 0;
  let next = 0;
  const iterate = async (index: number) => {
    const child: Frame = { steps: { ...frame.steps }, states: { ...frame.states }, item: items[index], index, prefix: `${frame.prefix}${node.id}[${index}].` };
    try {
      const leaves = await walkRegion(run, node.id, child, seeds, null, execute);
      const keys = Object.keys(leaves);
      results[index] = keys.length === 1 ? leaves[keys[0]!] : leaves;
    } catch (err) {
      if (!node.continueOnItemFailure || err instanceof StopRun || isCancellation(err)) throw err;
      failed += 1;
      results[index] = { error: { message: messageOf(err) } };
    }
  };
  const lane = async () => {
    while (next < items.length) await iterate(next++);
  };
  await Promise.all(Array.from({ length: Math.min(node.concurrency, items.length) }, lane));
  return { output: results, handles: ["done"], record: { items: items.length, succeeded: items.length - failed, failed } };
}
