import type { Doc } from "./doc";

/**
 * `next` with every node and edge that serialises exactly like one in `prev` replaced by `prev`'s object. The canvas
 * tells changed steps by object identity (loose-graph.ts caches per node object, graph-canvas.tsx reuses flow nodes),
 * so a document re-read from the server — an autosave's answer — would otherwise redraw every step, a second's
 * hitch after each save at 1,000 steps. Exact serialisation, key order included, so the draft's JSON text and the
 * document it parses to stay the same.
 */
export function shareUnchanged(prev: Doc, next: Doc): Doc {
  const share = <T extends { id: string }>(before: T[] | undefined, after: T[]): T[] => {
    const old = new Map((before ?? []).map((x) => [x.id, x]));
    let same = before?.length === after.length;
    const out = after.map((x, i) => {
      const o = old.get(x.id);
      const kept = o !== undefined && JSON.stringify(o) === JSON.stringify(x) ? o : x;
      if (kept !== before?.[i]) same = false;
      return kept;
    });
    return same && before ? before : out;
  };
  const nodes = share(prev.nodes, next.nodes);
  const edges = share(prev.edges, next.edges);
  return nodes === next.nodes && edges === next.edges ? next : { ...next, nodes, edges };
}
