import type { Doc, DocNote, Point } from "./doc";
import { setNotesOp, uniqueId, type Op } from "./ops";

/**
 * Sticky notes as edits: each builder gives a setNotes operation (the notes before and after), so adding,
 * typing, moving, resizing and deleting a note undo exactly like a step's edits and are stored with the history.
 */
export const NOTE_WIDTH = 240;
export const NOTE_HEIGHT = 140;
export const NEW_NOTE_TEXT = "**Note**\n\nDouble-click (or press Enter) to edit. Markdown: *emphasis*, `code`, [links](https://example.com), lists.";

export function addNoteOp(doc: Doc, position: Point, text = NEW_NOTE_TEXT): { op: Op; id: string } {
  const notes = doc.notes ?? [];
  const id = uniqueId("note", new Set(notes.map((n) => n.id)));
  const note: DocNote = { id, text, position: { x: Math.round(position.x), y: Math.round(position.y) }, width: NOTE_WIDTH, height: NOTE_HEIGHT };
  return { op: setNotesOp(doc, [...notes, note])!, id };
}

export type NotePatch = Partial<Pick<DocNote, "text" | "position" | "width" | "height">>;

/** One note changed; null when it is gone or nothing changes. Sizes and positions are whole pixels (what a person can see). */
export function updateNoteOp(doc: Doc, id: string, patch: NotePatch): Op | null {
  return updateNotesOp(doc, new Map([[id, patch]]));
}

/** Several notes changed as one edit (a drag of several notes); notes that are gone are left out. */
export function updateNotesOp(doc: Doc, patches: ReadonlyMap<string, NotePatch>): Op | null {
  const notes = doc.notes ?? [];
  if (!notes.some((n) => patches.has(n.id))) return null;
  const list = notes.map((note) => {
    const patch = patches.get(note.id);
    if (!patch) return note;
    const next = { ...note, ...patch };
    if (patch.position) next.position = { x: Math.round(patch.position.x), y: Math.round(patch.position.y) };
    if (patch.width !== undefined) next.width = Math.round(patch.width);
    if (patch.height !== undefined) next.height = Math.round(patch.height);
    return next;
  });
  return setNotesOp(doc, list);
}

/** Removes notes; the last one gone leaves the draft without a notes list, as it was before the first. */
export function removeNotesOp(doc: Doc, ids: ReadonlySet<string>): Op | null {
  const notes = doc.notes ?? [];
  const kept = notes.filter((n) => !ids.has(n.id));
  if (kept.length === notes.length) return null;
  return setNotesOp(doc, kept.length ? kept : undefined);
}
