import { ActivityFailure, ApplicationFailure, isCancellation, proxyActivities, proxyLocalActivities, sleep } from "@temporalio/workflow";
import { builtinCatalog } from "../actions/catalog";
import { STEP_HEARTBEAT_TIMEOUT_MS } from "../constants";
import type { ActionNode, GraphNode } from "../graph/schema";
import { evaluate } from "../mapping/evaluate";
import { mappingWarnings } from "../mapping/reference-warnings";
import { referencedSteps, renderValue } from "../mapping/template";
import { stepActivityOptions, stepTimeoutMs } from "./activity-options";
import { parseTimeMs, workflowNowMs } from "./clock";
import { recorded, type Started } from "./control-record";
import { runLoop } from "./loop";
import { controlValue, scopeOf, StepError, StopRun } from "./scope";
import type { EngineActivities } from "./types";
import type { Frame, NodeOutcome, RunCtx } from "./walk";

type ControlNode = Exclude<GraphNode, { kind: "trigger" | "action" }>;

export async function executeNode(run: RunCtx, node: GraphNode, frame: Frame, arrivals: string[]): Promise<NodeOutcome> {
  switch (node.kind) {
    case "trigger":
      return { output: run.input.trigger, handles: ["out"] };
    case "action":
      return runAction(run, node, frame);
    default:
      return recorded(run, node, frame, (started) => runControl(run, node, frame, arrivals, started));
  }
}

/** branch, merge, delay, loop and stop: evaluated here, in the interpreter, never as activities. */
async function runControl(run: RunCtx, node: ControlNode, frame: Frame, arrivals: string[], started: Started): Promise<NodeOutcome> {
  switch (node.kind) {
    case "branch": {
      const value = controlValue(node, frame, "expression", () => evaluate(node.expression, scopeOf(run, frame)));
      const handle = node.mode === "if" ? (value ? "true" : "false") : (node.cases.find((c) => c === String(value)) ?? "default");
      const output = { result: node.mode === "if" ? Boolean(value) : value };
      return { output, handles: [handle], record: { ...output, took: handle } };
    }
    case "merge": {
      const output = node.mode === "first" ? frame.steps[arrivals[0]!]?.output : Object.fromEntries(arrivals.map((id) => [id, frame.steps[id]?.output]));
      return { output, handles: ["out"], record: { arrived: arrivals } };
    }
    case "delay": {
      let ms = node.durationMs ?? 0;
      if (node.until) {
        const text = String(controlValue(node, frame, "until", () => renderValue(node.until, scopeOf(run, frame))));
        const until = parseTimeMs(text);
        if (Number.isNaN(until)) throw new StepError(node.id, frame.prefix + node.id, `"${node.id}".until: "${text}" is not a time`, "ExpressionError");
        ms = Math.max(0, until - workflowNowMs());
      }
      if (ms > 0) {
        await started({ waitMs: ms });
        await sleep(ms);
      }
      return { output: { waitedMs: ms }, handles: ["out"] };
    }
    case "loop":
      return runLoop(run, node, frame, executeNode, started);
    case "stop":
      throw new StopRun(node.outcome, node.id, node.message || `Stopped at "${node.id}"`);
  }
}

async function runAction(run: RunCtx, node: ActionNode, frame: Frame): Promise<NodeOutcome> {
  const stepKey = frame.prefix + node.id;
  if (run.input.resume && Object.hasOwn(run.input.resume, stepKey)) return { output: run.input.resume[stepKey], handles: ["out"] };
  const pins = run.input.test?.pins;
  if (pins && Object.hasOwn(pins, stepKey)) return { output: pins[stepKey], handles: ["out"] };
  const refs = referencedSteps(node.input);
  const steps = refs.has("*") ? frame.steps : Object.fromEntries([...refs].filter((id) => frame.steps[id]).map((id) => [id, frame.steps[id]]));
  // Said on the step's record (not left silently empty): what its input reads from skipped or failed steps.
  const warnings = mappingWarnings(node.input, frame.states);
  const { runStep } = stepActivities(run, node);
  try {
    const { output } = await runStep({
      runId: run.input.runId,
      workspaceId: run.input.workspaceId,
      nodeId: node.id,
      stepKey,
      action: node.action,
      connectionId: node.connectionId,
      ...(node.settings.limits ? { limits: node.settings.limits } : {}),
      input: node.input,
      timeoutMs: stepTimeoutMs(node.settings),
      scope: { trigger: run.input.trigger, steps, item: frame.item, index: frame.index },
      ...(warnings.length > 0 ? { warnings } : {}),
    });
    return { output, handles: ["out"] };
  } catch (err) {
    // A cancelled run cancels its running steps: that is the run ending, not the step failing.
    if (!(err instanceof ActivityFailure) || isCancellation(err)) throw err;
    const cause = err.cause instanceof ApplicationFailure ? err.cause : undefined;
    if (node.settings.onError === "fail") throw new StepError(node.id, stepKey, `Step "${stepKey}" failed: ${cause?.message ?? err.message}`, cause?.type ?? "Error");
    const output = { error: { message: cause?.message ?? err.message, type: cause?.type ?? "Error" } };
    return { output, handles: [node.settings.onError === "route" ? "error" : "out"], failed: true };
  }
}

/** Cheap built-ins run as local activities (in this worker, no task-queue round trip); the rest as activities that heartbeat. */
function stepActivities(run: RunCtx, node: ActionNode): EngineActivities {
  const options = stepActivityOptions(node.settings);
  if (builtinCatalog(node.action)?.local && run.input.localActivities !== false) return proxyLocalActivities<EngineActivities>(options);
  return proxyActivities<EngineActivities>({ ...options, heartbeatTimeout: STEP_HEARTBEAT_TIMEOUT_MS });
}
