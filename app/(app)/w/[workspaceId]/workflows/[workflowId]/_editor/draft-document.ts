import { diffDocs } from "@/app/_lib/graph-edit/diff";
import { toDoc, type Doc } from "@/app/_lib/graph-edit/doc";
import { amendTop, COALESCE_MS, emptyHistory, record, redo, restoreHistory, undo, type History } from "@/app/_lib/graph-edit/history";
import { apply, invert, OpConflict, type Op } from "@/app/_lib/graph-edit/ops";
import { shareUnchanged } from "@/app/_lib/graph-edit/share";
import { prettyJson } from "@/app/_lib/json-input";

/**
 * The draft being edited, one state for the canvas and the JSON panel: the text as typed, the document it last
 * parsed to, the undo history, and the saved draft it started from (`base`: what a stale save is merged
 * against). Every change goes through here as an operation, so the canvas, the text and undo never disagree.
 * A reducer (pure; the clock comes in with the action) so rapid key repeats each see the latest state.
 */
export type DraftState = {
  text: string;
  /** The last text that parsed to an editable document; null while the draft is not one (the JSON panel still edits it). */
  doc: Doc | null;
  /** Why the canvas cannot edit the current text (it does not parse, or is not a graph), else null. */
  problem: string | null;
  /** The text is JSON (it may still not be a graph the canvas can edit: then the server names the problems on save). */
  parses: boolean;
  history: History;
  base: { revision: number; text: string; value: unknown };
  /** Where the last change came from: the canvas keeps its view; a graph typed or loaded is fitted again. */
  origin: "canvas" | "text" | "load";
  /** A message for the person (a paste refused, history dropped); `seq` makes a repeat of one message show again. */
  notice: { seq: number; text: string; tone: "success" | "error" } | null;
};

export type DraftAction =
  | { type: "load"; value: unknown; revision: number; history: unknown }
  | { type: "typed"; text: string; now: number }
  | { type: "edit"; build: (doc: Doc) => Op | null | { error: string }; key?: string; now: number; done?: string }
  | { type: "undo" }
  | { type: "redo" }
  /**
   * A save landed. `sentText` is what was sent; `adopt` says the text may be replaced by what the server stored
   * (false while the person is typing in the JSON: rewriting it would move their cursor).
   */
  | { type: "saved"; value: unknown; revision: number; sentText: string; adopt: boolean }
  | { type: "rebase"; merged: Doc; revision: number; value: unknown; now: number }
  | { type: "notice"; text: string; tone?: "success" | "error" };

function parse(text: string): { doc: Doc | null; problem: string | null; parses: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { doc: null, problem: `Not valid JSON: ${(e as Error).message}`, parses: false };
  }
  const d = toDoc(value);
  return d.ok ? { doc: d.doc, problem: null, parses: true } : { doc: null, problem: d.error, parses: true };
}

/**
 * Typing is one undo step per pause, like a text editor's. Within a burst the step is recomputed as the whole
 * change since the burst began (one diff, not a keystroke each), so it stays as small as the change itself.
 */
function typedHistory(h: History, before: Doc, after: Doc, now: number): History {
  const top = h.undo.at(-1);
  if (top?.key === "text" && now - top.time < COALESCE_MS) {
    try {
      return amendTop(h, diffDocs(apply(before, invert(top.op)), after), now);
    } catch (e) {
      if (!(e instanceof OpConflict)) throw e;
    }
  }
  const op = diffDocs(before, after);
  return op ? record(h, op, { key: "text", now }) : h;
}

const notice = (s: DraftState, text: string, tone: "success" | "error" = "error"): DraftState["notice"] => ({ seq: (s.notice?.seq ?? 0) + 1, text, tone });

export function initialDraft(value: unknown, revision: number, storedHistory: unknown): DraftState {
  return draftReducer({ text: "", doc: null, problem: null, parses: true, origin: "load", history: emptyHistory(), base: { revision, text: "", value }, notice: null }, { type: "load", value, revision, history: storedHistory });
}

export function draftReducer(s: DraftState, a: DraftAction): DraftState {
  switch (a.type) {
    case "load": {
      const text = prettyJson(a.value);
      const p = parse(text);
      const restored = p.doc ? restoreHistory(a.history, p.doc) : { history: emptyHistory(), note: null };
      return { text, doc: p.doc, problem: p.problem, parses: p.parses, origin: "load", history: restored.history, base: { revision: a.revision, text, value: a.value }, notice: restored.note ? notice(s, restored.note) : s.notice };
    }
    case "typed": {
      const p = parse(a.text);
      if (!p.doc) return { ...s, text: a.text, problem: p.problem, parses: p.parses, origin: "text" };
      return { ...s, text: a.text, doc: p.doc, problem: null, parses: true, origin: "text", history: s.doc ? typedHistory(s.history, s.doc, p.doc, a.now) : s.history };
    }
    case "edit": {
      if (!s.doc || s.problem) return { ...s, notice: notice(s, `Fix the draft's JSON first: ${s.problem ?? "it is not a graph"}`) };
      const built = a.build(s.doc);
      if (built === null) return s;
      if ("error" in built) return { ...s, notice: notice(s, built.error) };
      try {
        const doc = apply(s.doc, built);
        return { ...s, doc, text: prettyJson(doc), origin: "canvas", history: record(s.history, built, { key: a.key, now: a.now }), notice: a.done ? notice(s, a.done, "success") : s.notice };
      } catch (e) {
        if (e instanceof OpConflict) return { ...s, notice: notice(s, e.message) };
        throw e;
      }
    }
    case "undo":
    case "redo": {
      if (!s.doc || s.problem) return { ...s, notice: notice(s, `Fix the draft's JSON first: ${s.problem ?? "it is not a graph"}`) };
      const r = a.type === "undo" ? undo(s.history, s.doc) : redo(s.history, s.doc);
      if (!r.ok) return { ...s, history: r.history, notice: notice(s, r.error) };
      return { ...s, doc: r.doc, text: prettyJson(r.doc), origin: "canvas", history: r.history };
    }
    case "saved": {
      // Edited while the save was on its way (autosave): keep the edits, now on top of the revision just saved.
      if (s.text !== a.sentText || !a.adopt) return { ...s, base: { revision: a.revision, text: a.sentText, value: a.value } };
      // The server stores the graph with its defaults filled in: show exactly what was saved. The history still
      // fits it (operations compare steps up to defaults), so undo carries on across the save.
      const text = prettyJson(a.value);
      const p = parse(text);
      // Steps the save did not change keep their objects, so the canvas redraws none of them (graph-edit/share.ts).
      const doc = p.doc && s.doc ? shareUnchanged(s.doc, p.doc) : p.doc;
      return { ...s, text, doc, problem: p.problem, parses: p.parses, history: doc ? s.history : emptyHistory(), base: { revision: a.revision, text, value: a.value } };
    }
    case "rebase": {
      // After merging with what another tab saved: theirs becomes the base, the merge is one undoable edit.
      const op = s.doc ? diffDocs(s.doc, a.merged) : null;
      const text = prettyJson(a.merged);
      return { ...s, text, doc: a.merged, problem: null, parses: true, origin: "load", history: op ? record(s.history, op, { now: a.now }) : s.history, base: { revision: a.revision, text: prettyJson(a.value), value: a.value } };
    }
    case "notice":
      return { ...s, notice: notice(s, a.text, a.tone) };
  }
}
