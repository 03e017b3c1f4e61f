import { jsonEqual, type Doc, type DocEdge, type DocNode } from "./doc";
import { equivalentNodes } from "./equivalent";

/**
 * Three-way merge of two edits of one draft, per step: `base` is the revision this tab loaded, `mine` what it
 * has now, `theirs` what another tab or member saved since. A step (or edge, or the notes, or the workflow's
 * settings) changed on one side only takes that side; changed the same way on both is fine; changed differently
 * on both, or deleted on one side and edited on the other, is a conflict for the person to decide. Nothing is
 * silently dropped: an edge whose step is gone after the merge is a conflict too.
 */
export type Side = "mine" | "theirs";
export type Conflict = {
  /** "node:<id>", "edge:<id>", "notes" or "doc:<field>": what `resolveMerge`'s choices are keyed by. */
  key: string;
  kind: "node" | "edge" | "notes" | "doc";
  id: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** What the conflict is about, in words. */
  reason: string;
};
export type MergeResult = { merged: Doc; conflicts: Conflict[]; autoMerged: number; base: Doc; mine: Doc; theirs: Doc };

type Pick3<T> = { value: T | undefined; conflict: boolean; fromMine: boolean };

/** `same`: steps compare up to their defaults, since the server fills them in on save (equivalent.ts). */
function pick3<T>(base: T | undefined, mine: T | undefined, theirs: T | undefined, same: (a: unknown, b: unknown) => boolean = jsonEqual): Pick3<T> {
  if (same(mine, theirs)) return { value: theirs, conflict: false, fromMine: false };
  if (same(base, mine)) return { value: theirs, conflict: false, fromMine: false };
  if (same(base, theirs)) return { value: mine, conflict: false, fromMine: true };
  return { value: mine, conflict: true, fromMine: true };
}

function reasonFor(what: string, base: unknown, mine: unknown, theirs: unknown): string {
  if (mine === undefined) return `You deleted ${what}; the other edit changed it.`;
  if (theirs === undefined) return `The other edit deleted ${what}; you changed it.`;
  if (base === undefined) return `Both edits added ${what}, differently.`;
  return `Both edits changed ${what}, differently.`;
}

/** Ids of a list in order: theirs first (what is saved), then what only mine has. */
function orderedIds<T extends { id: string }>(theirs: T[], mine: T[]): string[] {
  const ids = theirs.map((x) => x.id);
  const seen = new Set(ids);
  for (const x of mine) if (!seen.has(x.id)) ids.push(x.id);
  return ids;
}

export function mergeDocs(base: Doc, mine: Doc, theirs: Doc, choices: Readonly<Record<string, Side>> = {}): MergeResult {
  const conflicts: Conflict[] = [];
  let autoMerged = 0;
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));

  function mergeList<T extends { id: string }>(kind: "node" | "edge", b: T[], m: T[], t: T[]): T[] {
    const bm = byId(b);
    const mm = byId(m);
    const tm = byId(t);
    const out: T[] = [];
    for (const id of orderedIds(t, m)) {
      const key = `${kind}:${id}`;
      const r = pick3(bm.get(id), mm.get(id), tm.get(id), kind === "node" ? equivalentNodes : jsonEqual);
      let value = r.value;
      if (r.conflict) {
        conflicts.push({ key, kind, id, base: bm.get(id), mine: mm.get(id), theirs: tm.get(id), reason: reasonFor(`the ${kind === "node" ? "step" : "edge"} "${id}"`, bm.get(id), mm.get(id), tm.get(id)) });
        value = choices[key] === "theirs" ? tm.get(id) : mm.get(id);
      } else if (r.fromMine) autoMerged += 1;
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  const nodes = mergeList<DocNode>("node", base.nodes, mine.nodes, theirs.nodes);
  let edges = mergeList<DocEdge>("edge", base.edges, mine.edges, theirs.edges);
  // An edge kept by the merge whose step the other side deleted would dangle: ask rather than drop it.
  const nodeIds = new Set(nodes.map((n) => n.id));
  edges = edges.filter((e) => {
    if (nodeIds.has(e.source) && nodeIds.has(e.target)) return true;
    const key = `edge:${e.id}`;
    if (!conflicts.some((c) => c.key === key)) {
      const missing = nodeIds.has(e.source) ? e.target : e.source;
      conflicts.push({ key, kind: "edge", id: e.id, base: byId(base.edges).get(e.id), mine: byId(mine.edges).get(e.id), theirs: byId(theirs.edges).get(e.id), reason: `The edge "${e.id}" leads to the step "${missing}", which the other edit deleted.` });
    }
    // Dropped unless the person keeps it ("mine": the step stays missing, and saving names the problem).
    return choices[key] === "mine";
  });

  const notes = pick3(base.notes, mine.notes, theirs.notes);
  let mergedNotes = notes.value;
  if (notes.conflict) {
    conflicts.push({ key: "notes", kind: "notes", id: "notes", base: base.notes, mine: mine.notes, theirs: theirs.notes, reason: "Both edits changed the notes, differently." });
    mergedNotes = choices.notes === "theirs" ? theirs.notes : mine.notes;
  } else if (notes.fromMine) autoMerged += 1;

  const merged: Doc = { ...theirs, nodes, edges };
  delete merged.notes;
  if (mergedNotes !== undefined) merged.notes = mergedNotes;
  const fields = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const f of fields) {
    if (f === "nodes" || f === "edges" || f === "notes") continue;
    const r = pick3(base[f], mine[f], theirs[f]);
    let value = r.value;
    if (r.conflict) {
      const key = `doc:${f}`;
      conflicts.push({ key, kind: "doc", id: f, base: base[f], mine: mine[f], theirs: theirs[f], reason: `Both edits changed the workflow's ${f}, differently.` });
      value = choices[key] === "theirs" ? theirs[f] : mine[f];
    } else if (r.fromMine) autoMerged += 1;
    if (value === undefined) delete merged[f];
    else merged[f] = value;
  }
  return { merged, conflicts, autoMerged, base, mine, theirs };
}

/** The merge with every conflict decided: mergeDocs again with the person's choices (unchosen: mine, and dangling edges dropped). */
export const resolveMerge = (r: MergeResult, choices: Readonly<Record<string, Side>>): Doc => mergeDocs(r.base, r.mine, r.theirs, choices).merged;
