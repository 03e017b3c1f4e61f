import { z } from "zod";
import { DEFAULT_JSON_LIMITS, parseJsonBounded } from "@/db/json";
import { DEFAULT_GRAPH_LIMITS } from "@/workflows/graph/limits";
import { graphEdge, NODE_KINDS, nodeIdSchema } from "@/workflows/graph/schema";
import { handleOfEdge, isObject, type Doc, type DocEdge, type DocNode, type Point } from "./doc";
import { addNodesOp, uniqueId, type Op } from "./ops";
import { renameRefsInNode } from "./references";

/**
 * Copy and paste of steps through the system clipboard as plain JSON, so a selection travels between workflows,
 * browser tabs and a text editor and back: `{ "junction": "selection", "version": 1, "nodes": [...], "edges": [...] }`.
 * Nodes are kept as they are (an unfinished step copies too; saving names its problems); edges only between
 * copied steps.
 */
export const CLIPBOARD_VERSION = 1;
/** Where pasted steps land relative to their originals, so a paste into the same workflow does not hide them. */
export const PASTE_OFFSET: Point = { x: 40, y: 40 };

export type Selection = { junction: "selection"; version: number; nodes: DocNode[]; edges: DocEdge[] };

export function copySelection(doc: Doc, ids: Iterable<string>): Selection {
  const picked = new Set(ids);
  return {
    junction: "selection",
    version: CLIPBOARD_VERSION,
    nodes: doc.nodes.filter((n) => picked.has(n.id)),
    edges: doc.edges.filter((e) => picked.has(e.source) && picked.has(e.target)),
  };
}

export const selectionText = (s: Selection) => JSON.stringify(s, null, 2);

const NOT_OURS = "The clipboard does not hold Junction steps. Copy steps in a Junction workflow editor (Ctrl+C), then paste them here.";

const selectionSchema = z.object({
  nodes: z
    .array(z.looseObject({ id: nodeIdSchema, kind: z.enum(NODE_KINDS, "Unknown step kind") }))
    .max(DEFAULT_GRAPH_LIMITS.maxNodes, `A paste holds at most ${DEFAULT_GRAPH_LIMITS.maxNodes} steps (limit JUNCTION_GRAPH_MAX_NODES)`),
  edges: z.array(graphEdge).max(DEFAULT_GRAPH_LIMITS.maxEdges, `A paste holds at most ${DEFAULT_GRAPH_LIMITS.maxEdges} edges (limit JUNCTION_GRAPH_MAX_EDGES)`),
});

/**
 * Reads pasted text. Anything that is not a Junction selection gets a message saying what it is and what to do,
 * never an exception: pasted text is whatever was on the clipboard (a URL, a spreadsheet, a 50 MB log).
 */
export function parseSelection(text: string): { ok: true; selection: Selection } | { ok: false; error: string } {
  if (!text.trim()) return { ok: false, error: "The clipboard is empty." };
  if (!text.trimStart().startsWith("{")) return { ok: false, error: NOT_OURS };
  const parsed = parseJsonBounded(text, DEFAULT_JSON_LIMITS, "The pasted text");
  if (!parsed.ok) return { ok: false, error: parsed.violation ? parsed.message : NOT_OURS };
  const v = parsed.value;
  if (!isObject(v) || v.junction !== "selection") return { ok: false, error: NOT_OURS };
  if (v.version !== CLIPBOARD_VERSION) return { ok: false, error: `These steps were copied from a different version of Junction (clipboard format ${JSON.stringify(v.version)}; this editor reads ${CLIPBOARD_VERSION}).` };
  const checked = selectionSchema.safeParse(v);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { ok: false, error: `The copied steps are damaged: ${issue.path.join(".") || "selection"}: ${issue.message}.` };
  }
  const ids = new Set<string>();
  for (const n of checked.data.nodes) {
    if (ids.has(n.id)) return { ok: false, error: `The copied steps are damaged: two steps have the id "${n.id}".` };
    ids.add(n.id);
  }
  return { ok: true, selection: { junction: "selection", version: CLIPBOARD_VERSION, nodes: checked.data.nodes as DocNode[], edges: checked.data.edges as DocEdge[] } };
}

export type Paste = { ok: true; op: Op; ids: string[]; notes: string[] } | { ok: false; error: string };

/**
 * The steps of a selection added to a document as one operation (one undo step): ids that are taken get a
 * suffix (find_user → find_user_2), edges between pasted steps follow them, references between pasted steps
 * (`{{ steps.find_user.output }}`) follow the new ids, and positions move by `offset`. A workflow has one
 * trigger: a pasted trigger is left out, with the reason in `notes`.
 */
export function pasteSelection(doc: Doc, selection: Selection, offset: Point = PASTE_OFFSET): Paste {
  const notes: string[] = [];
  let hasTrigger = doc.nodes.some((n) => n.kind === "trigger");
  const kept: DocNode[] = [];
  for (const n of selection.nodes) {
    if (n.kind === "trigger") {
      if (hasTrigger) {
        notes.push(`The trigger "${n.id}" was not pasted: a workflow has one trigger, and this one has it already.`);
        continue;
      }
      hasTrigger = true;
    }
    kept.push(n);
  }
  if (kept.length === 0) return { ok: false, error: notes[0] ?? "There are no steps on the clipboard." };
  const taken = new Set(doc.nodes.map((n) => n.id));
  const renames = new Map<string, string>();
  for (const n of kept) {
    const id = uniqueId(n.id, taken);
    taken.add(id);
    if (id !== n.id) renames.set(n.id, id);
  }
  const newId = (id: string) => renames.get(id) ?? id;
  const nodes = kept.map((n) => {
    const r = renameRefsInNode(n, renames);
    const p = r.position;
    const position = isObject(p) && typeof p.x === "number" && typeof p.y === "number" ? { x: p.x + offset.x, y: p.y + offset.y } : undefined;
    return { ...r, id: newId(n.id), ...(position ? { position } : {}) };
  });
  const keptIds = new Set(kept.map((n) => n.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const edges: DocEdge[] = [];
  for (const e of selection.edges) {
    if (!keptIds.has(e.source) || !keptIds.has(e.target)) continue;
    const source = newId(e.source);
    const target = newId(e.target);
    const id = uniqueId(`${source}-${handleOfEdge(e)}-${target}`, edgeIds);
    edgeIds.add(id);
    edges.push({ ...e, id, source, target });
  }
  return { ok: true, op: addNodesOp(doc, nodes, edges), ids: nodes.map((n) => n.id), notes };
}
