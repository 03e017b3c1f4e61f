import { g } from "./harness";

/**
 * Large graphs of the shapes that stress validation, shared by the graph-limit tests and bench/graph-validate.ts:
 * a linear chain, a wide fan-out into a merge, and loops nested inside each other. `nodes` counts every node,
 * the trigger included.
 */
type Built = { schemaVersion: 1; nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

const id = (prefix: string, i: number) => `${prefix}_${i}`;

/** start → s_1 → s_2 → … (nodes − 1 steps). */
export function chainGraph(nodes: number): Built {
  const ids = ["start", ...Array.from({ length: nodes - 1 }, (_, i) => id("s", i + 1))];
  return { schemaVersion: 1, nodes: [g.trigger(), ...ids.slice(1).map((s) => g.set(s, { v: "{{ trigger.body.n }}" }))], edges: g.chain(...ids) };
}

/** start → each of (nodes − 2) steps → one merge. */
export function fanOutGraph(nodes: number): Built {
  const steps = Array.from({ length: nodes - 2 }, (_, i) => id("s", i + 1));
  return {
    schemaVersion: 1,
    nodes: [g.trigger(), ...steps.map((s) => g.set(s, { v: "{{ trigger.body.n }}" })), { id: "join", kind: "merge", mode: "all" }],
    edges: [...steps.map((s) => g.edge("start", s)), ...steps.map((s) => g.edge(s, "join"))],
  };
}

/**
 * `depth` loops, each the body of the one before; the innermost body is one step whose edge leads back to its
 * loop, and every loop's "done" leads back to the loop around it. 1 + depth + 1 nodes.
 */
export function nestedLoopsGraph(depth: number): Built {
  const loops = Array.from({ length: depth }, (_, i) => id("loop", i + 1));
  const nodes: Record<string, unknown>[] = [g.trigger(), ...loops.map((l, i) => ({ id: l, kind: "loop", items: i === 0 ? "{{ trigger.body.children }}" : "{{ item.children }}" })), g.set("leaf", { v: "{{ item }}" })];
  const edges = [g.edge("start", loops[0]!)];
  loops.forEach((l, i) => {
    const inner = loops[i + 1] ?? "leaf";
    edges.push(g.edge(l, inner, "each"));
    if (i > 0) edges.push(g.edge(l, loops[i - 1]!, "done"));
  });
  edges.push(g.edge("leaf", loops[depth - 1]!));
  return { schemaVersion: 1, nodes, edges };
}

/** Sibling loops in a chain, each with a small body of `body` steps: many loops, shallow nesting. */
export function manyLoopsGraph(nodes: number, body = 3): Built {
  const out: Built = { schemaVersion: 1, nodes: [g.trigger()], edges: [] };
  let previous = "start";
  let handle: string | undefined;
  for (let i = 1; out.nodes.length + body + 1 <= nodes; i++) {
    const loop = id("loop", i);
    out.nodes.push({ id: loop, kind: "loop", items: "{{ trigger.body.list }}" });
    out.edges.push(g.edge(previous, loop, handle));
    const steps = Array.from({ length: body }, (_, j) => id(`b${i}`, j + 1));
    out.nodes.push(...steps.map((s) => g.set(s, { v: "{{ item }}" })));
    out.edges.push(g.edge(loop, steps[0]!, "each"), ...g.chain(...steps), g.edge(steps.at(-1)!, loop));
    previous = loop;
    handle = "done";
  }
  return out;
}
