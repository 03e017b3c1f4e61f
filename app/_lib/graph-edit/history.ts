import { utf8Length } from "@/db/json/measure";
import { isObject, type Doc } from "./doc";
import { apply, invert, OpConflict, type FieldChange, type Move, type Op } from "./ops";

/**
 * Undo and redo over the document's operations. Rapid edits of one thing (typing in a field, the steps of one
 * drag) share a coalescing key and become one entry. Bounded by entries and by bytes, oldest dropped first, so
 * the history stays small enough to be saved with the draft (and restored after a reload: see restoreHistory).
 */
export type Entry = { op: Op; key?: string; time: number; bytes: number };
export type History = { undo: Entry[]; redo: Entry[] };

export const HISTORY_MAX_ENTRIES = 200;
/** A quarter of the default JSON limit (JUNCTION_JSON_MAX_BYTES, 1 MiB) the server applies to the stored history. */
export const HISTORY_MAX_BYTES = 256 * 1024;
/** Edits with the same key closer together than this are one undo step (a word typed, not a letter). */
export const COALESCE_MS = 1000;
export const HISTORY_FORMAT = 1;

export const emptyHistory = (): History => ({ undo: [], redo: [] });

const sizeOf = (op: Op) => utf8Length(JSON.stringify(op));

/** Records an applied edit. `key` names what it edits ("field:<node>:<field>", "drag:<id>") for coalescing. */
export function record(h: History, op: Op, options: { key?: string; now?: number } = {}): History {
  const now = options.now ?? Date.now();
  const top = h.undo.at(-1);
  if (options.key && top && top.key === options.key && now - top.time < COALESCE_MS) {
    const merged = compose(top.op, op);
    return { undo: bounded([...h.undo.slice(0, -1), { op: merged, key: options.key, time: now, bytes: sizeOf(merged) }]), redo: [] };
  }
  return { undo: bounded([...h.undo, { op, key: options.key, time: now, bytes: sizeOf(op) }]), redo: [] };
}

function bounded(entries: Entry[]): Entry[] {
  let start = Math.max(0, entries.length - HISTORY_MAX_ENTRIES);
  let bytes = 0;
  for (let i = start; i < entries.length; i++) bytes += entries[i]!.bytes;
  while (bytes > HISTORY_MAX_BYTES && start < entries.length) bytes -= entries[start++]!.bytes;
  return start === 0 ? entries : entries.slice(start);
}

/** `a` then `b` as one operation: field edits keep the first before and the last after; moves likewise. */
export function compose(a: Op, b: Op): Op {
  if (a.t === "setNodeFields" && b.t === "setNodeFields" && a.id === b.id) {
    const fields = new Map<string, FieldChange>(a.fields.map((f) => [f.key, { ...f }]));
    for (const f of b.fields) {
      const prev = fields.get(f.key);
      const next: FieldChange = { key: f.key };
      const before = prev ? prev.before : f.before;
      if (before !== undefined) next.before = before;
      if (f.after !== undefined) next.after = f.after;
      fields.set(f.key, next);
    }
    return { t: "setNodeFields", id: a.id, fields: [...fields.values()] };
  }
  if (a.t === "moveNodes" && b.t === "moveNodes") {
    const moves = new Map<string, Move>(a.moves.map((m) => [m.id, m]));
    for (const m of b.moves) {
      const prev = moves.get(m.id);
      moves.set(m.id, prev ? { id: m.id, from: prev.from, to: m.to } : m);
    }
    return { t: "moveNodes", moves: [...moves.values()] };
  }
  // Flat, never nested: a long run of coalesced edits must not grow the JSON depth (the server bounds it).
  const flat = (op: Op) => (op.t === "batch" ? op.ops : [op]);
  return { t: "batch", label: a.t === "batch" ? a.label : "Edit", ops: [...flat(a), ...flat(b)] };
}

/**
 * Replaces the newest entry's operation with `op` (its whole effect recomputed by the caller, e.g. the JSON
 * panel diffing against the text before a burst of typing), or drops the entry when the burst undid itself.
 */
export function amendTop(h: History, op: Op | null, now: number): History {
  const top = h.undo.at(-1);
  if (!top) return op ? record(h, op, { now }) : h;
  const rest = h.undo.slice(0, -1);
  return { undo: op ? bounded([...rest, { ...top, op, time: now, bytes: sizeOf(op) }]) : rest, redo: [] };
}

export type Step = { ok: true; doc: Doc; history: History; op: Op } | { ok: false; error: string; history: History };

export function undo(h: History, doc: Doc): Step {
  const top = h.undo.at(-1);
  if (!top) return { ok: false, error: "Nothing to undo.", history: h };
  return step(doc, invert(top.op), () => ({ undo: h.undo.slice(0, -1), redo: [...h.redo, { ...top, key: undefined }] }));
}

export function redo(h: History, doc: Doc): Step {
  const top = h.redo.at(-1);
  if (!top) return { ok: false, error: "Nothing to redo.", history: h };
  return step(doc, top.op, () => ({ undo: [...h.undo, top], redo: h.redo.slice(0, -1) }));
}

function step(doc: Doc, op: Op, next: () => History): Step {
  try {
    return { ok: true, doc: apply(doc, op), history: next(), op };
  } catch (e) {
    if (!(e instanceof OpConflict)) throw e;
    // The draft no longer matches the history (changed elsewhere): an entry that cannot apply would only corrupt.
    return { ok: false, error: `The undo history no longer fits the draft and was cleared (${e.message})`, history: emptyHistory() };
  }
}

// ——— Stored with the draft ———

export type StoredHistory = { format: typeof HISTORY_FORMAT; undo: Op[]; redo: Op[] };

export function serializeHistory(h: History): StoredHistory | null {
  if (h.undo.length === 0 && h.redo.length === 0) return null;
  return { format: HISTORY_FORMAT, undo: h.undo.map((e) => e.op), redo: h.redo.map((e) => e.op) };
}

const OP_KINDS = new Set(["addNodes", "removeNodes", "addEdges", "removeEdges", "moveNodes", "setNodeFields", "renameNodeId", "setNotes", "setDocFields", "replaceDoc", "batch"]);

/**
 * The history saved with the draft, checked against the draft it was loaded with: every undo entry must apply in
 * turn from this draft backwards, and every redo entry forwards. A history that does not fit (the draft was
 * saved by something that did not store history, or is from another version of the editor) is dropped with a
 * note rather than left to corrupt the draft later. Never throws.
 */
export function restoreHistory(stored: unknown, doc: Doc): { history: History; note: string | null } {
  if (stored === null || stored === undefined) return { history: emptyHistory(), note: null };
  const dropped = (why: string) => ({ history: emptyHistory(), note: `The undo history was not restored: ${why}` });
  if (!isObject(stored) || stored.format !== HISTORY_FORMAT || !Array.isArray(stored.undo) || !Array.isArray(stored.redo)) return dropped("it is not in a format this editor reads.");
  const ops = [...stored.undo, ...stored.redo];
  if (!ops.every((op) => isObject(op) && typeof op.t === "string" && OP_KINDS.has(op.t))) return dropped("it is not in a format this editor reads.");
  const undoOps = stored.undo as Op[];
  const redoOps = stored.redo as Op[];
  try {
    let back = doc;
    for (let i = undoOps.length - 1; i >= 0; i--) back = apply(back, invert(undoOps[i]!));
    let forward = doc;
    for (let i = redoOps.length - 1; i >= 0; i--) forward = apply(forward, redoOps[i]!);
  } catch (e) {
    // Malformed entries fail inside apply as TypeErrors; either way the history does not describe this draft.
    return dropped(e instanceof OpConflict ? `the draft was changed elsewhere since it was recorded (${e.message})` : "it does not describe this draft.");
  }
  const entry = (op: Op): Entry => ({ op, time: 0, bytes: sizeOf(op) });
  return { history: { undo: bounded(undoOps.map(entry)), redo: redoOps.map(entry) }, note: null };
}
