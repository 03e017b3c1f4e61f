import { parseExpression } from "../mapping/parser";
import { expressionPaths, pathText, templatePaths, type DataPath } from "../mapping/paths";
import type { JsonSchema } from "./input-schema";
import { startAt, stepInto } from "./output-schema";
import type { Graph, GraphEdge, GraphNode } from "./schema";
import type { Structure } from "./structure";
import type { GraphIssue } from "./validate";

/**
 * References in a step's templates checked against the graph: a step that does not exist or does not come
 * before this one (its output is not there when this step runs), a field the step's output schema does not
 * declare, `item` outside a loop. One function for the server's draft problems (publish refuses them) and the
 * editor's step form (shown as you type), so both say the same thing.
 */
export type ReferenceScope = {
  nodes: Map<string, GraphNode>;
  /** Edges into each node, for walking backwards. */
  incoming: Map<string, GraphEdge[]>;
  structure: Pick<Structure, "owner">;
  schemas: Map<string, JsonSchema>;
  triggerId: string | undefined;
  /** Steps many nodes refer to (the trigger, a lookup at the start): what each reaches, walked forwards once. */
  reach: { asked: Map<string, number>; from: Map<string, Set<string>>; outgoing?: Map<string, GraphEdge[]> };
};

export function referenceScope(graph: Pick<Graph, "nodes" | "edges">, structure: Pick<Structure, "owner">, schemas: Map<string, JsonSchema>): ReferenceScope {
  const incoming = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) (incoming.get(e.target) ?? incoming.set(e.target, []).get(e.target)!).push(e);
  return { nodes: new Map(graph.nodes.map((n) => [n.id, n])), incoming, structure, schemas, triggerId: graph.nodes.find((n) => n.kind === "trigger")?.id, reach: { asked: new Map(), from: new Map() } };
}

/** Whether `id` sits in the body of loop `loop` (at any depth). Bounded by loop nesting, which storing limits. */
function inBody(s: ReferenceScope, id: string, loop: string): boolean {
  for (let o = s.structure.owner.get(id); o !== undefined; o = s.structure.owner.get(o)) if (o === loop) return true;
  return false;
}

/**
 * The steps whose output a node can read: every node reachable backwards along edges. A loop body's edge back
 * to its loop is not followed: what ran inside the body is not in scope after the loop (its "done" output is).
 */
export function upstreamOf(s: ReferenceScope, nodeId: string): Set<string> {
  const seen = walkBack(s, nodeId, undefined);
  seen.delete(nodeId);
  return seen;
}

/** How often a step may be asked about before what it reaches is walked once, forwards, for every later question. */
const FORWARD_AFTER = 8;

/**
 * Whether `target` is upstream of `nodeId`: walking back from the node, stopping when it meets it (most
 * references are to a step close by). A step asked about often (every step reading the trigger) is walked
 * forwards once instead, so a 1,000-step chain that all read the first step costs one walk, not a thousand.
 */
export function isUpstream(s: ReferenceScope, nodeId: string, target: string): boolean {
  if (target === nodeId) return false;
  const known = s.reach.from.get(target);
  if (known) return known.has(nodeId);
  const asked = (s.reach.asked.get(target) ?? 0) + 1;
  s.reach.asked.set(target, asked);
  if (asked <= FORWARD_AFTER) return walkBack(s, nodeId, target).has(target);
  const reached = walkForward(s, target);
  s.reach.from.set(target, reached);
  return reached.has(nodeId);
}

/** Every node `from` leads to (itself excluded), by the edges walkBack follows (a body's edge back to its loop is not one). */
export const downstreamOf = (s: ReferenceScope, from: string): Set<string> => walkForward(s, from);

function walkForward(s: ReferenceScope, from: string): Set<string> {
  const outgoing = (s.reach.outgoing ??= outgoingOf(s));
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const e of outgoing.get(id) ?? []) {
      if (seen.has(e.target) || !s.nodes.has(e.target)) continue;
      if (s.nodes.get(e.target)!.kind === "loop" && inBody(s, id, e.target)) continue;
      seen.add(e.target);
      stack.push(e.target);
    }
  }
  seen.delete(from);
  return seen;
}

function outgoingOf(s: ReferenceScope): Map<string, GraphEdge[]> {
  const out = new Map<string, GraphEdge[]>();
  for (const edges of s.incoming.values()) for (const e of edges) (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
  return out;
}

function walkBack(s: ReferenceScope, nodeId: string, stopAt: string | undefined): Set<string> {
  const seen = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const e of s.incoming.get(id) ?? []) {
      if (seen.has(e.source) || !s.nodes.has(e.source)) continue;
      if (s.nodes.get(id)!.kind === "loop" && inBody(s, e.source, id)) continue;
      seen.add(e.source);
      if (e.source === stopAt) return seen;
      stack.push(e.source);
    }
  }
  return seen;
}

const TYPE_WORDS: Record<string, string> = { string: "text", number: "a number", integer: "a whole number", boolean: "true/false", array: "a list", null: "null" };
// Sorted: a manifest stored as jsonb does not keep its key order, and the message should not change with it.
const listed = (names: string[]) => (names.length === 0 ? "" : ` (it has ${[...names].sort().slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""})`);

/** The first problem with one data path, or null. `upstream(id)`: whether step `id` comes before this node. */
export function pathProblem(s: ReferenceScope, nodeId: string, p: DataPath, upstream: (id: string) => boolean): string | null {
  if (p.root === "item" || p.root === "index") {
    return s.structure.owner.get(nodeId) === undefined ? `"${p.root}" is only set inside a loop's body; "${nodeId}" is not in one` : null;
  }
  if (p.root === "trigger") return schemaProblem(s.triggerId ? s.schemas.get(s.triggerId) : undefined, p.keys, "The trigger's data");
  if (p.root !== "steps" || p.keys.length === 0) return null;
  const id = String(p.keys[0]);
  if (!s.nodes.has(id)) return `Step "${id}" does not exist (deleted or renamed?)`;
  if (id === nodeId) return `A step cannot read its own output ("steps.${id}")`;
  if (!upstream(id)) return `Step "${id}" does not come before "${nodeId}", so its output is not available here; connect it upstream or pick a step that runs earlier`;
  if (p.keys.length === 1) return null;
  if (p.keys[1] !== "output") return `steps.${id} has no "${String(p.keys[1])}"; a step's data is under steps.${id}.output`;
  return schemaProblem(s.schemas.get(id), p.keys.slice(2), `The output of step "${id}"`);
}

function schemaProblem(schema: JsonSchema | undefined, keys: (string | number)[], whose: string): string | null {
  let at = schema ? startAt(schema) : null;
  for (let i = 0; at && i < keys.length; i++) {
    const step = stepInto(at, keys[i]!);
    if (step.kind === "any") return null;
    if (step.kind === "some") {
      at = step.next;
      continue;
    }
    const where = i === 0 ? "" : ` at "${pathText(keys.slice(0, i))}"`;
    const scalar = !step.types.includes("object") && step.types.length > 0;
    if (scalar) return `${whose}${where} is ${step.types.map((t) => TYPE_WORDS[t] ?? t).join(" or ")}, with no field "${String(keys[i])}"`;
    return `${whose} has no field "${pathText(keys.slice(0, i + 1))}"${listed(step.known)}`;
  }
  return null;
}

/** The template-bearing fields of a node, by the field name a problem names (input paths as "input.a.0.b"). */
export function templateFields(n: GraphNode): { field: string; text: string; expression?: boolean }[] {
  const out: { field: string; text: string; expression?: boolean }[] = [];
  if (n.kind === "action") {
    const stack: { at: string; v: unknown }[] = [{ at: "input", v: n.input }];
    while (stack.length > 0) {
      const { at, v } = stack.pop()!;
      if (typeof v === "string") {
        if (v.includes("{{")) out.push({ field: at, text: v });
      } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ at: `${at}.${i}`, v: x }));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) stack.push({ at: `${at}.${k}`, v: x });
    }
  }
  if (n.kind === "branch") out.push({ field: "expression", text: n.expression, expression: true });
  if (n.kind === "loop") out.push({ field: "items", text: n.items });
  if (n.kind === "delay" && n.until) out.push({ field: "until", text: n.until });
  return out;
}

/** The data paths of one template-bearing field; none when it does not parse (its syntax problem is reported on its own). */
export function fieldPaths(f: { text: string; expression?: boolean }): DataPath[] {
  try {
    return f.expression ? expressionPaths(parseExpression(f.text)) : templatePaths(f.text);
  } catch {
    return [];
  }
}

/** A memo of isUpstream for one node: a step's fields often name the same steps many times. */
export function upstreamCheck(s: ReferenceScope, nodeId: string): (id: string) => boolean {
  const known = new Map<string, boolean>();
  return (id) => known.get(id) ?? known.set(id, isUpstream(s, nodeId, id)).get(id)!;
}

/** The problems of one field's text (a template, or a branch's bare expression), each message once. */
export function textReferenceProblems(s: ReferenceScope, nodeId: string, f: { text: string; expression?: boolean }, upstream = upstreamCheck(s, nodeId)): string[] {
  const out = new Set<string>();
  for (const p of fieldPaths(f)) {
    const message = pathProblem(s, nodeId, p, upstream);
    if (message) out.add(message);
  }
  return [...out];
}

/** Every reference problem of one node, one per field and message. */
export function nodeReferenceIssues(s: ReferenceScope, n: GraphNode, issues: GraphIssue[] = []): GraphIssue[] {
  const upstream = upstreamCheck(s, n.id);
  for (const f of templateFields(n)) for (const message of textReferenceProblems(s, n.id, f, upstream)) issues.push({ nodeId: n.id, field: f.field, message });
  return issues;
}
