import { NODE_HEIGHT, NODE_WIDTH } from "@/app/(app)/w/[workspaceId]/_graph/graph-layout";
import { handleOfEdge, isObject, type Doc, type DocEdge, type DocNode, type Point } from "./doc";
import { addNodesOp, apply, batch, moveNodesOp, removeEdgesOp, setNodeOp, uniqueId, type Op } from "./ops";
import type { NodeTemplate, PaletteEntry } from "./palette";

/**
 * Adding a step from the palette as one undoable operation: dropped at a point, after a step (from one of its
 * handles), into an edge (between its source and target), or at a free spot. The new step gets a unique id made
 * from the entry's name and a position that does not cover another step. A trigger, when the draft already has
 * one, replaces it in place (same id, same connections): a workflow has exactly one, and changing how it starts
 * should not mean rewiring it.
 */
export type Where = { at: Point } | { after: string; handle?: string } | { onEdge: string } | { free: true };
export type Added = { ok: true; op: Op; id: string } | { ok: false; error: string };

const STEP_X = NODE_WIDTH + 56;
const STEP_Y = NODE_HEIGHT + 28;

/** The exits a node of this shape has, in the order a new step is connected from them; [] for a stop. */
export function handlesOf(node: Record<string, unknown>): string[] {
  switch (node.kind) {
    case "stop":
      return [];
    case "branch":
      return node.mode === "switch" ? [...(Array.isArray(node.cases) ? node.cases.filter((c): c is string => typeof c === "string") : []), "default"] : ["true", "false"];
    case "loop":
      return ["each", "done"];
    default:
      return ["out"];
  }
}

const positionOf = (n: DocNode): Point | undefined => (isObject(n.position) && typeof n.position.x === "number" && typeof n.position.y === "number" ? { x: n.position.x, y: n.position.y } : undefined);

/** The canvas lays out a draft automatically unless every step has a position; new steps follow suit. */
const placed = (doc: Doc) => doc.nodes.every((n) => positionOf(n) !== undefined);

/** The nearest spot at or below `p` that no step covers (searching downward, one row at a time). */
export function freeSpotNear(doc: Doc, p: Point, skip: ReadonlySet<string> = new Set()): Point {
  const boxes = doc.nodes.flatMap((n) => (skip.has(n.id) ? [] : (positionOf(n) ?? [])));
  const covered = (q: Point) => boxes.some((b) => Math.abs(b.x - q.x) < NODE_WIDTH + 28 && Math.abs(b.y - q.y) < NODE_HEIGHT + 14);
  let q = { x: Math.round(p.x), y: Math.round(p.y) };
  for (let i = 0; i < 500 && covered(q); i++) q = { x: q.x, y: q.y + STEP_Y };
  return q;
}

/** Where a step goes when nothing says where: right of the rightmost step, level with the topmost. */
function freeSpot(doc: Doc): Point {
  const ps = doc.nodes.map(positionOf).filter((p): p is Point => p !== undefined);
  if (ps.length === 0) return { x: 0, y: 0 };
  return freeSpotNear(doc, { x: Math.max(...ps.map((p) => p.x)) + STEP_X, y: Math.min(...ps.map((p) => p.y)) });
}

function edgeValue(doc: Doc, taken: Set<string>, source: string, handle: string, target: string): DocEdge {
  const id = uniqueId(`${source}-${handle}-${target}`, taken);
  taken.add(id);
  return { id, source, target, ...(handle !== "out" ? { sourceHandle: handle } : {}) };
}

function newNode(doc: Doc, entry: Pick<PaletteEntry, "template" | "idBase">, position: Point | undefined): DocNode {
  const id = uniqueId(entry.idBase, new Set(doc.nodes.map((n) => n.id)));
  return { id, ...structuredClone(entry.template), ...(position ? { position } : {}) };
}

/** The step added (or the trigger replaced) by a palette entry at `where`, as one operation. */
export function addStepOp(doc: Doc, entry: Pick<PaletteEntry, "template" | "idBase" | "trigger" | "name">, where: Where): Added {
  if (entry.trigger) return triggerOp(doc, entry, where);
  if ("onEdge" in where) return insertOnEdgeOp(doc, entry, where.onEdge);
  if ("after" in where) return addAfterOp(doc, entry, where.after, where.handle);
  const position = !placed(doc) ? undefined : "at" in where ? { x: Math.round(where.at.x), y: Math.round(where.at.y) } : freeSpot(doc);
  const node = newNode(doc, entry, position);
  return { ok: true, op: addNodesOp(doc, [node]), id: node.id };
}

function triggerOp(doc: Doc, entry: Pick<PaletteEntry, "template" | "idBase" | "name">, where: Where): Added {
  if ("onEdge" in where || "after" in where) return { ok: false, error: `${entry.name} is a trigger: it starts the workflow, so it cannot go after a step.` };
  const current = doc.nodes.find((n) => n.kind === "trigger");
  if (current) {
    const position = positionOf(current);
    const op = setNodeOp(doc, { id: current.id, ...structuredClone(entry.template), ...(position ? { position } : {}) });
    return op ? { ok: true, op: batch(`Replace the trigger with ${entry.name}`, [op]), id: current.id } : { ok: false, error: `The trigger is already ${entry.name}.` };
  }
  // The trigger opens the flow: left of the leftmost step, unless it was dropped somewhere.
  const ps = doc.nodes.map(positionOf).filter((p): p is Point => p !== undefined);
  const position = !placed(doc) ? undefined : "at" in where ? where.at : ps.length ? freeSpotNear(doc, { x: Math.min(...ps.map((p) => p.x)) - STEP_X, y: Math.min(...ps.map((p) => p.y)) }) : { x: 0, y: 0 };
  const node = newNode(doc, entry, position);
  return { ok: true, op: addNodesOp(doc, [node]), id: node.id };
}

/** After a step, connected from `handle` (else from its first exit nothing leaves by yet, else its first exit). */
export function addAfterOp(doc: Doc, entry: Pick<PaletteEntry, "template" | "idBase">, sourceId: string, handle?: string): Added {
  const source = doc.nodes.find((n) => n.id === sourceId);
  if (!source) return { ok: false, error: `The step "${sourceId}" is no longer there.` };
  const exits = handlesOf(source);
  if (exits.length === 0) return { ok: false, error: `"${sourceId}" is a stop step: nothing runs after it.` };
  const used = new Set(doc.edges.filter((e) => e.source === sourceId).map(handleOfEdge));
  const from = handle ?? exits.find((h) => !used.has(h)) ?? exits[0]!;
  const at = positionOf(source);
  // Exits lower on the node (false, done, later cases) put their step lower, so branches fan out downward.
  const row = Math.max(0, exits.indexOf(from));
  const position = placed(doc) && at ? freeSpotNear(doc, { x: at.x + STEP_X, y: at.y + row * STEP_Y }) : undefined;
  const node = newNode(doc, entry, position);
  const edge = edgeValue(doc, new Set(doc.edges.map((e) => e.id)), sourceId, from, node.id);
  return { ok: true, op: addNodesOp(doc, [node], [edge]), id: node.id };
}

/**
 * Into an edge: the edge goes, the step comes with an edge from the old source (same handle) and one from its own
 * first exit to the old target; when there is no room between the two, the target and what follows it move right.
 */
export function insertOnEdgeOp(doc: Doc, entry: Pick<PaletteEntry, "template" | "idBase" | "name">, edgeId: string): Added {
  const edge = doc.edges.find((e) => e.id === edgeId);
  if (!edge) return { ok: false, error: "That connection is no longer there." };
  const exits = handlesOf(entry.template as NodeTemplate);
  if (exits.length === 0) return { ok: false, error: `${entry.name} ends its path, so it cannot go between two steps; add it after a step instead.` };
  const removed = removeEdgesOp(doc, [edgeId])!;
  const without = apply(doc, removed);
  const source = doc.nodes.find((n) => n.id === edge.source);
  const target = doc.nodes.find((n) => n.id === edge.target);
  const s = source && positionOf(source);
  const t = target && positionOf(target);
  const ops: Op[] = [removed];
  let position: Point | undefined;
  if (placed(doc) && s && t) {
    if (t.x - s.x >= 2 * STEP_X) position = { x: Math.round((s.x + t.x) / 2), y: Math.round((s.y + t.y) / 2) };
    else {
      position = { x: s.x + STEP_X, y: t.y };
      const shift = position.x + STEP_X - t.x;
      const moves = new Map([...downstream(doc, edge.target, edge.source)].flatMap((id) => {
        const p = positionOf(doc.nodes.find((n) => n.id === id)!);
        return p ? [[id, { x: p.x + shift, y: p.y }] as const] : [];
      }));
      const move = moveNodesOp(without, moves);
      if (move) ops.push(move);
    }
  }
  const node = newNode(doc, entry, position);
  const taken = new Set(without.edges.map((e) => e.id));
  const into = edgeValue(doc, taken, edge.source, handleOfEdge(edge), node.id);
  const onward = edgeValue(doc, taken, node.id, exits[0]!, edge.target);
  const afterMoves = ops.slice(1).reduce(apply, without);
  ops.push(addNodesOp(afterMoves, [node], [into, onward]));
  return { ok: true, op: batch(`Insert ${entry.name}`, ops), id: node.id };
}

/** `start` and every step reachable from it, never passing through `stopAt` (the edge's source, in a cycle). */
function downstream(doc: Doc, start: string, stopAt: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of doc.edges) {
      if (e.source !== id || e.target === stopAt || seen.has(e.target)) continue;
      seen.add(e.target);
      queue.push(e.target);
    }
  }
  return seen;
}
