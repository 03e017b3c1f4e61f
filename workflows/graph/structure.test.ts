import { describe, expect, it } from "vitest";
import { g } from "../testing/harness";
import { chainGraph, fanOutGraph, manyLoopsGraph, nestedLoopsGraph } from "../testing/big-graphs";
import { handleOf } from "./handles";
import { DEFAULT_GRAPH_LIMITS } from "./limits";
import { graphSchema, type GraphEdge, type GraphNode } from "./schema";
import { analyse, regionNodes, TOP } from "./structure";
import { graphIssues } from "./validate";

/**
 * The structure pass before it was made linear (one body search per loop, every node against every body, an
 * owner-chain walk per edge per loop): kept here as the oracle that the linear pass must agree with.
 */
function oracle(nodes: GraphNode[], edges: GraphEdge[]) {
  const outgoing = new Map<string, GraphEdge[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) outgoing.get(e.source)?.push(e);
  const reach = new Map<string, Set<string>>();
  for (const n of nodes) {
    if (n.kind !== "loop") continue;
    const seen = new Set<string>();
    const queue = outgoing.get(n.id)!.filter((e) => handleOf(e) === "each").map((e) => e.target);
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === n.id || seen.has(id) || !outgoing.has(id)) continue;
      seen.add(id);
      for (const e of outgoing.get(id)!) queue.push(e.target);
    }
    reach.set(n.id, seen);
  }
  const owner = new Map<string, string | undefined>();
  for (const n of nodes) {
    let best: string | undefined;
    for (const [loop, body] of reach) if (body.has(n.id) && (best === undefined || reach.get(best)!.size > body.size)) best = loop;
    owner.set(n.id, best);
  }
  // The old walk could go round forever when two loops held each other; bounded here, and called invalid.
  const inside = (id: string, loop: string) => {
    let steps = 0;
    for (let o = owner.get(id); o !== undefined; o = owner.get(o)) if (o === loop || ++steps > nodes.length) return true;
    return false;
  };
  let valid = true;
  for (const region of [TOP, ...nodes.filter((n) => n.kind === "loop").map((n) => n.id)]) {
    const ids = nodes.filter((n) => (owner.get(n.id) ?? TOP) === region).map((n) => n.id);
    const inner = edges.filter((e) => ids.includes(e.source) && ids.includes(e.target));
    const indegree = new Map(ids.map((id) => [id, inner.filter((e) => e.target === id).length]));
    const ready = ids.filter((id) => indegree.get(id) === 0);
    let done = 0;
    while (ready.length > 0) {
      const id = ready.pop()!;
      done += 1;
      for (const e of inner.filter((x) => x.source === id)) {
        indegree.set(e.target, indegree.get(e.target)! - 1);
        if (indegree.get(e.target) === 0) ready.push(e.target);
      }
    }
    if (done !== ids.length) valid = false;
    if (region === TOP) continue;
    for (const e of edges) {
      if (!inside(e.target, region)) continue;
      if (e.source === region && handleOf(e) === "each") continue;
      if (e.source !== region && inside(e.source, region)) continue;
      valid = false;
    }
  }
  return { owner, valid };
}

/** A small random program: steps, branches and loops nested at random, then a few random extra edges. */
function randomGraph(seed: number) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const nodes: Record<string, unknown>[] = [g.trigger()];
  const edges: ReturnType<typeof g.edge>[] = [];
  let count = 0;
  // Builds a sequence after `from` (leaving by `handle`); returns its last node and the exit to leave it by.
  const sequence = (from: string, handle: string | undefined, budget: number, depth: number): [string, string | undefined] => {
    let last = from;
    let out = handle;
    for (let k = 0; k < budget; k++) {
      const id = `n${++count}`;
      const roll = random();
      if (roll < 0.3 && depth < 4) {
        nodes.push({ id, kind: "loop", items: "{{ trigger.body.list }}" });
        edges.push(g.edge(last, id, out));
        const [end, exit] = sequence(id, "each", 1 + Math.floor(random() * 3), depth + 1);
        if (random() < 0.6 && end !== id) edges.push(g.edge(end, id, exit));
        last = id;
        out = "done";
      } else if (roll < 0.4) {
        nodes.push({ id, kind: "branch", expression: "trigger.body.n > 1" });
        edges.push(g.edge(last, id, out));
        const join = `n${++count}`;
        const [a, aExit] = sequence(id, "true", 1, depth);
        const [b, bExit] = sequence(id, "false", 1, depth);
        nodes.push({ id: join, kind: "merge", mode: "first" });
        edges.push(g.edge(a, join, aExit), g.edge(b, join, bExit));
        last = join;
        out = undefined;
      } else {
        nodes.push(g.set(id, {}));
        edges.push(g.edge(last, id, out));
        last = id;
        out = undefined;
      }
    }
    return [last, out];
  };
  sequence("start", undefined, 2 + Math.floor(random() * 6), 0);
  const ids = nodes.map((n) => n.id as string);
  for (let k = Math.floor(random() * 3); k > 0; k--) {
    const source = pick(ids.slice(1).concat("start"));
    const target = pick(ids.slice(1));
    const kind = nodes.find((n) => n.id === source)!.kind;
    const handle = kind === "loop" ? pick(["each", "done"]) : kind === "branch" ? pick(["true", "false"]) : undefined;
    edges.push({ ...g.edge(source, target, handle), id: `extra_${k}` });
  }
  // Now and then a piece not yet connected to the trigger: a loop with its body's edge back.
  if (random() < 0.2) {
    nodes.push({ id: "lonely", kind: "loop", items: "{{ item }}" }, g.set("lonely_body", {}));
    edges.push(g.edge("lonely", "lonely_body", "each"), g.edge("lonely_body", "lonely"));
  }
  return graphSchema.parse({ schemaVersion: 1, nodes, edges });
}

describe("graph structure", () => {
  it("agrees with the old quadratic analysis on 1,000 random graphs: same loop for every node, same verdict", () => {
    let valid = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const graph = randomGraph(seed);
      const old = oracle(graph.nodes, graph.edges);
      const structural = graphIssues(graph).filter((i) => i.field === "edges");
      expect({ seed, valid: structural.length === 0 }).toEqual({ seed, valid: old.valid });
      if (!old.valid) continue;
      valid += 1;
      expect({ seed, owner: analyse(graph).owner }).toEqual({ seed, owner: old.owner });
    }
    // Enough of both kinds to mean something.
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(950);
  });

  it("validates 5,000-node graphs correctly: chains, fan-outs and many loops", () => {
    const limits = { ...DEFAULT_GRAPH_LIMITS, maxNodes: 10_000, maxEdges: 20_000 };
    for (const graph of [chainGraph(5000), fanOutGraph(5000), manyLoopsGraph(5000)]) expect(graphIssues(graph, undefined, limits)).toEqual([]);
    const loops = graphSchema.parse(manyLoopsGraph(5000));
    const s = analyse(loops);
    expect(regionNodes(s, "loop_7")).toEqual(new Set(["b7_1", "b7_2", "b7_3"]));
    expect(s.owner.get("loop_7")).toBeUndefined();
    // A step of the chain that leads back to an earlier one is a cycle, named by its first node.
    const cyclic = chainGraph(5000);
    cyclic.edges.push(g.edge("s_4999", "s_17"));
    expect(graphIssues(cyclic, undefined, limits)).toEqual([{ nodeId: "s_100", field: "edges", message: expect.stringContaining("is on a cycle") }]);
    // An edge from a loop's "done" into the body of a loop far after it enters that body from outside.
    const entered = manyLoopsGraph(5000);
    entered.edges.push({ ...g.edge("loop_3", "b900_2", "done"), id: "stray" });
    expect(graphIssues(entered, undefined, limits)).toEqual([expect.objectContaining({ nodeId: "b900_2", message: '"b900_2" is inside loop "loop_900" (by way of "b900_1") but is also reached from outside it' })]);
  });

  it("a graph of 1600 nested loops is refused by the loop-nesting limit, naming it", () => {
    const issues = graphIssues(nestedLoopsGraph(1600));
    expect(issues).toEqual([{ nodeId: "loop_34", field: "graph", message: '"loop_34" is inside 33 nested loops, more than the limit of 32 (JUNCTION_GRAPH_MAX_LOOP_NESTING).' }]);
    expect(graphIssues(nestedLoopsGraph(32))).toEqual([]);
    // Raised, the same graph is checked in one linear pass and found valid.
    expect(graphIssues(nestedLoopsGraph(1600), undefined, { ...DEFAULT_GRAPH_LIMITS, maxLoopNesting: 1000 })).toEqual([
      expect.objectContaining({ message: expect.stringContaining("limit of 1000") }),
    ]);
    expect(graphIssues(nestedLoopsGraph(999), undefined, { ...DEFAULT_GRAPH_LIMITS, maxLoopNesting: 1000 })).toEqual([]);
  });

  it("a graph of 5000 nodes is refused by the node limit before anything else looks at it", () => {
    expect(graphIssues(chainGraph(5000))).toEqual([{ nodeId: null, field: "graph", message: "The workflow has 5000 nodes, more than the limit of 2000 (JUNCTION_GRAPH_MAX_NODES)." }]);
    const edges = { schemaVersion: 1, nodes: [], edges: Array.from({ length: 4001 }, (_, i) => ({ id: `e${i}` })) };
    expect(graphIssues(edges)[0]!.message).toBe("The workflow has 4001 edges, more than the limit of 4000 (JUNCTION_GRAPH_MAX_EDGES).");
  });

  it("names a body's edge back to a loop further out than its own", () => {
    const nodes = [g.trigger(), { id: "outer", kind: "loop", items: "{{ x }}" }, { id: "inner", kind: "loop", items: "{{ item }}" }, g.set("leaf", {})];
    const edges = [g.edge("start", "outer"), g.edge("outer", "inner", "each"), g.edge("inner", "leaf", "each"), g.edge("leaf", "outer")];
    expect(graphIssues({ schemaVersion: 1, nodes, edges })).toEqual([
      expect.objectContaining({ nodeId: "outer", message: '"leaf" is in the body of loop "inner" and leads back to loop "outer"; a body can only lead back to its own loop' }),
    ]);
  });

  it("two loops that are each other's body, beside a third loop, are refused instead of walked forever", () => {
    // The old owner-chain walk went round p → q → p … for ever once a third loop was there to ask about.
    const nodes = [g.trigger(), { id: "p", kind: "loop", items: "{{ x }}" }, { id: "q", kind: "loop", items: "{{ x }}" }, { id: "r", kind: "loop", items: "{{ x }}" }];
    const edges = [g.edge("p", "q", "each"), g.edge("q", "p", "each"), g.edge("start", "r")];
    expect(graphIssues({ schemaVersion: 1, nodes, edges })).toEqual([
      expect.objectContaining({ nodeId: "p", edgeId: "q-each-p", message: '"p" is inside loop "q" (by way of "q") but is also reached from outside it' }),
    ]);
  });
});
