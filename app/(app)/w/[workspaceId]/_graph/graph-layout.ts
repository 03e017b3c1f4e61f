/**
 * Left-to-right layered layout for workflow graphs (a small Sugiyama): each node's column is its longest
 * distance from a start node, and rows within a column are ordered by the average row of their predecessors,
 * which keeps edges from crossing in the common shapes (chains, if/else, fan-out and merge). Edges that close a
 * cycle (a loop body pointing back at its loop) are ignored for layering, so the layout always terminates.
 */
export type LayoutNode = { id: string };
export type LayoutEdge = { source: string; target: string };
export type Point = { x: number; y: number };

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;
const GAP_X = 56;
const GAP_Y = 28;

export function layoutGraph(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, Point> {
  const ids = [...new Set(nodes.map((n) => n.id))];
  const known = new Set(ids);
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  for (const e of edges) if (known.has(e.source) && known.has(e.target) && e.source !== e.target) out.get(e.source)!.push(e.target);

  const forward = forwardEdges(ids, out);
  const layer = new Map(ids.map((id) => [id, 0]));
  for (const id of topoOrder(ids, forward)) for (const t of forward.get(id)!) layer.set(t, Math.max(layer.get(t)!, layer.get(id)! + 1));

  const columns: string[][] = [];
  for (const id of ids) (columns[layer.get(id)!] ??= []).push(id);
  const preds = new Map(ids.map((id) => [id, [] as string[]]));
  for (const [s, ts] of forward) for (const t of ts) preds.get(t)!.push(s);
  const row = new Map<string, number>();
  columns.forEach((col) => col.forEach((id, i) => row.set(id, i)));
  // Two sweeps of barycentre ordering are enough for graphs people draw by hand.
  for (let sweep = 0; sweep < 2; sweep += 1) {
    for (const col of columns.slice(1)) {
      const bary = (id: string) => {
        const p = preds.get(id)!;
        return p.length ? p.reduce((sum, q) => sum + row.get(q)!, 0) / p.length : row.get(id)!;
      };
      const keyed = col.map((id, i) => ({ id, key: bary(id), i }));
      keyed.sort((a, b) => a.key - b.key || a.i - b.i);
      col.splice(0, col.length, ...keyed.map((k) => k.id));
      col.forEach((id, i) => row.set(id, i));
    }
  }

  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const positions = new Map<string, Point>();
  columns.forEach((col, x) => {
    // Centre each column against the tallest, so a single node sits level with the middle of a fan-out.
    const offset = ((tallest - col.length) * (NODE_HEIGHT + GAP_Y)) / 2;
    col.forEach((id, y) => positions.set(id, { x: x * (NODE_WIDTH + GAP_X), y: offset + y * (NODE_HEIGHT + GAP_Y) }));
  });
  return positions;
}

/** The edges minus those that close a cycle (found by depth-first search from each node in input order). */
function forwardEdges(ids: string[], out: Map<string, string[]>): Map<string, string[]> {
  const state = new Map<string, 0 | 1 | 2>(ids.map((id) => [id, 0]));
  const forward = new Map(ids.map((id) => [id, [] as string[]]));
  for (const root of ids) {
    if (state.get(root) !== 0) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const targets = out.get(top.id)!;
      if (top.next >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const t = targets[top.next++]!;
      if (state.get(t) === 1) continue; // back edge: closes a cycle
      forward.get(top.id)!.push(t);
      if (state.get(t) === 0) {
        state.set(t, 1);
        stack.push({ id: t, next: 0 });
      }
    }
  }
  return forward;
}

function topoOrder(ids: string[], forward: Map<string, string[]>): string[] {
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const ts of forward.values()) for (const t of ts) indegree.set(t, indegree.get(t)! + 1);
  const queue = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const t of forward.get(id)!) {
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }
  return order;
}
