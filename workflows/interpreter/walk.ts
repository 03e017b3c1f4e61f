import { handleOf } from "../graph/handles";
import type { GraphEdge, GraphNode } from "../graph/schema";
import { regionNodes, type Structure } from "../graph/structure";
import type { StepState } from "../mapping/reference-warnings";
import type { AutomationInput } from "./types";

/** Where a node runs: its loop iteration's view of earlier outputs, and the prefix that makes step keys unique. */
export type Frame = {
  steps: Record<string, { output: unknown }>;
  /** Steps of this view that were skipped or failed-and-continued, for the warnings on mappings that read them. */
  states: Record<string, StepState>;
  item?: unknown;
  index?: number;
  prefix: string;
};

/**
 * What a node produced, which exits it takes, (control nodes) what run_steps shows instead of the output, and
 * whether it is a failed step's error the run went on with.
 */
export type NodeOutcome = { output: unknown; handles: string[]; record?: unknown; failed?: boolean };
export type RunCtx = { input: AutomationInput; s: Structure; regions: Map<string, Set<string>> };
export type ExecuteNode = (run: RunCtx, node: GraphNode, frame: Frame, arrivals: string[]) => Promise<NodeOutcome>;

export function regionOf(run: RunCtx, region: string): Set<string> {
  let ids = run.regions.get(region);
  if (!ids) run.regions.set(region, (ids = regionNodes(run.s, region)));
  return ids;
}

/**
 * Walks one region (the top level or one loop iteration's body) by dead-path elimination: each edge becomes
 * active or dead; a node runs once all its incoming edges are decided and one is active (a "first" merge runs at
 * the first active one), and is skipped, killing its exits, when all are dead. Nodes whose inputs are ready run
 * concurrently, so parallel branches overlap. Resolves with the outputs of the region's last nodes.
 */
export async function walkRegion(run: RunCtx, region: string, frame: Frame, seeds: GraphEdge[], start: { node: GraphNode; outcome: NodeOutcome } | null, execute: ExecuteNode): Promise<Record<string, unknown>> {
  const ids = regionOf(run, region);
  const seedIds = new Set(seeds.map((e) => e.id));
  const incoming = new Map<string, GraphEdge[]>([...ids].map((id) => [id, []]));
  for (const id of ids) for (const e of run.s.outgoing.get(id) ?? []) if (ids.has(e.target)) incoming.get(e.target)!.push(e);
  for (const e of seeds) if (ids.has(e.target)) incoming.get(e.target)!.push(e);
  const state = new Map<string, boolean>(); // edge id → active
  const started = new Set<string>();
  const leaves: Record<string, unknown> = {};
  const running = new Set<Promise<void>>();
  let failure: unknown = null;

  const decide = (e: GraphEdge, active: boolean) => {
    if (!ids.has(e.target) || state.has(e.id)) return;
    state.set(e.id, active);
    consider(e.target);
  };
  const finish = (node: GraphNode, outcome: NodeOutcome | null) => {
    const exits = (run.s.outgoing.get(node.id) ?? []).filter((e) => ids.has(e.target));
    if (outcome && exits.length === 0) leaves[node.id] = outcome.output;
    for (const e of exits) decide(e, outcome !== null && outcome.handles.includes(handleOf(e)));
  };
  const consider = (id: string) => {
    if (started.has(id)) return;
    const node = run.s.nodes.get(id)!;
    const ins = incoming.get(id)!;
    const active = ins.filter((e) => state.get(e.id) === true);
    const allDecided = ins.every((e) => state.has(e.id));
    const firstMerge = node.kind === "merge" && node.mode === "first";
    if (!(allDecided || (firstMerge && active.length > 0))) return;
    started.add(id);
    if (active.length === 0) {
      frame.states[id] = "skipped";
      return finish(node, null);
    }
    const p = execute(run, node, frame, active.map((e) => e.source)).then(
      (outcome) => {
        frame.steps[id] = { output: outcome.output };
        if (outcome.failed) frame.states[id] = "failed";
        finish(node, outcome);
      },
      (err: unknown) => {
        failure ??= err;
      },
    );
    running.add(p);
    void p.finally(() => running.delete(p));
  };

  if (start) {
    started.add(start.node.id);
    frame.steps[start.node.id] = { output: start.outcome.output };
    finish(start.node, start.outcome);
  }
  for (const e of seeds) if (seedIds.has(e.id)) decide(e, true);
  while (running.size > 0 && failure === null) await Promise.race(running);
  if (failure !== null) throw failure;
  return leaves;
}
