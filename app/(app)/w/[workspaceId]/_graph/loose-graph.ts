/**
 * A graph as far as it can be drawn. The editor draws what is being typed before it is valid (that is when
 * a person most needs to see it), so this reads any JSON leniently: nodes are anything with a string id, edges
 * anything with string source and target; the rest of a node stays as it is for the inspector.
 */
export type LooseNode = { id: string; kind: string; label?: string; position?: { x: number; y: number }; raw: Record<string, unknown> };
export type LooseEdge = { id: string; source: string; target: string; handle: string };
export type LooseNote = { id: string; text: string; position: { x: number; y: number }; width?: number; height?: number };
export type LooseGraph = { nodes: LooseNode[]; edges: LooseEdge[]; notes: LooseNote[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// The editor redraws after every edit; a node object that did not change maps to the same LooseNode, so the
// canvas can tell which steps changed by identity and React Flow re-renders only those.
const nodeCache = new WeakMap<object, LooseNode>();

export function looseGraph(value: unknown): LooseGraph {
  const g = isObject(value) ? value : {};
  const nodes: LooseNode[] = [];
  const seen = new Set<string>();
  for (const n of Array.isArray(g.nodes) ? g.nodes : []) {
    if (!isObject(n) || typeof n.id !== "string" || n.id === "" || seen.has(n.id)) continue;
    seen.add(n.id);
    const cached = nodeCache.get(n);
    if (cached) {
      nodes.push(cached);
      continue;
    }
    const p = n.position;
    const loose: LooseNode = {
      id: n.id,
      kind: typeof n.kind === "string" ? n.kind : "unknown",
      label: typeof n.label === "string" && n.label ? n.label : undefined,
      position: isObject(p) && typeof p.x === "number" && typeof p.y === "number" ? { x: p.x, y: p.y } : undefined,
      raw: n,
    };
    nodeCache.set(n, loose);
    nodes.push(loose);
  }
  const edges: LooseEdge[] = [];
  (Array.isArray(g.edges) ? g.edges : []).forEach((e, i) => {
    if (!isObject(e) || typeof e.source !== "string" || typeof e.target !== "string") return;
    edges.push({ id: typeof e.id === "string" && e.id ? e.id : `edge-${i}`, source: e.source, target: e.target, handle: typeof e.sourceHandle === "string" ? e.sourceHandle : "out" });
  });
  return { nodes, edges, notes: looseNotes(g.notes) };
}

const noteCache = new WeakMap<object, LooseNote>();
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Sticky notes as far as they can be drawn: an id, text and a position; a size when it has one. */
function looseNotes(value: unknown): LooseNote[] {
  if (!Array.isArray(value)) return [];
  const notes: LooseNote[] = [];
  const seen = new Set<string>();
  for (const n of value) {
    if (!isObject(n) || typeof n.id !== "string" || seen.has(n.id) || !isObject(n.position) || !finite(n.position.x) || !finite(n.position.y)) continue;
    seen.add(n.id);
    let note = noteCache.get(n);
    if (!note) {
      note = { id: n.id, text: typeof n.text === "string" ? n.text : "", position: { x: n.position.x, y: n.position.y }, ...(finite(n.width) ? { width: n.width } : {}), ...(finite(n.height) ? { height: n.height } : {}) };
      noteCache.set(n, note);
    }
    notes.push(note);
  }
  return notes;
}

/** One line under a node's name saying what it does: the action it calls, or its control setting. */
export function nodeSummary(n: LooseNode): string {
  const r = n.raw;
  switch (n.kind) {
    case "trigger":
      return `${typeof r.trigger === "string" ? r.trigger : "manual"} trigger`;
    case "action": {
      const a = isObject(r.action) ? r.action : {};
      return a.integration === "core" ? String(a.key ?? "?") : `${String(a.integration ?? "?")} › ${String(a.key ?? "?")}`;
    }
    case "branch":
      return `${r.mode === "switch" ? "switch" : "if"} ${typeof r.expression === "string" ? r.expression : ""}`.trim();
    case "loop":
      return `for each in ${typeof r.items === "string" ? r.items : "?"}`;
    case "delay":
      return typeof r.durationMs === "number" ? `wait ${r.durationMs} ms` : typeof r.until === "string" ? `wait until ${r.until}` : "wait";
    case "merge":
      return `merge (${r.mode === "first" ? "first" : "all"})`;
    case "stop":
      return `stop with ${r.outcome === "error" ? "error" : "success"}`;
    default:
      return n.kind;
  }
}
