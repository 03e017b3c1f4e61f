/**
 * The editor's autosave as a pure state machine: which change is saved, which is on its way, when the next save
 * is due, and what to tell the person. No timers and no I/O here — the clock comes in with each event and
 * `decide` says whether to send a save now or when to look again — so every path (debounce, a save queued
 * behind one in flight, offline, retry with backoff, a stale revision) is tested without a browser.
 *
 * Changes are counted: `edit` is the latest local change, `saved` the latest the server has. A save always
 * carries the draft as it is when it is sent, so there is never more than one in flight: edits made meanwhile
 * wait for it and go with the next one (the latest draft, not a queue of old ones).
 */
export type AutosaveTiming = {
  /** Quiet time after the last edit before saving. */
  debounceMs: number;
  /** During continuous editing, save at least this often. */
  maxWaitMs: number;
  /** First retry after a failed save; doubles each time up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
};

export const AUTOSAVE_TIMING: AutosaveTiming = { debounceMs: 800, maxWaitMs: 4000, retryBaseMs: 1000, retryMaxMs: 30_000 };

/**
 * Why a save did not land. network: no answer (offline, server unreachable) — kept and retried. error: the
 * server failed (5xx, timeout) — retried with backoff. refused: the server will refuse this draft again
 * (it cannot be stored, no permission) — wait for the next edit. conflict: someone saved a newer revision;
 * `merged` when the editor merged at once (the edits touch different steps): save the merge now; otherwise
 * wait until the person has chosen (`resolved`).
 */
export type SaveFailure = { kind: "network" } | { kind: "error"; message: string } | { kind: "refused"; message: string } | { kind: "conflict"; merged: boolean };

export type AutosaveState = {
  edit: number;
  saved: number;
  /** The change being saved, or null: never two saves at once. */
  inFlight: number | null;
  /** When the oldest change not yet sent was made (for maxWaitMs), and the latest (for debounceMs). */
  pendingSince: number | null;
  lastEditAt: number | null;
  /** Save now asked for (Ctrl/Cmd+S): skip the debounce. */
  urgent: boolean;
  /** navigator.onLine as last reported. */
  online: boolean;
  /** The last save got no answer: the server is unreachable even if the browser thinks it is online. */
  unreachable: boolean;
  failures: number;
  retryAt: number | null;
  problem: { kind: "error" | "refused"; message: string } | null;
  conflict: boolean;
  /** Why the draft cannot be sent as it stands (its JSON does not parse), else null. */
  blocked: string | null;
};

export type AutosaveEvent =
  | { type: "edited"; at: number }
  /** The draft is what the server has again (reverted, undone back, reloaded, their version taken). */
  | { type: "clean" }
  | { type: "blocked"; reason: string | null }
  | { type: "saveNow" }
  /** A save was sent carrying change `edit`. */
  | { type: "started"; at: number }
  | { type: "succeeded"; change: number }
  | { type: "failed"; failure: SaveFailure; at: number }
  | { type: "online"; at: number }
  | { type: "offline" }
  /** The editor merged with the newer revision (or took it): saving may go on. */
  | { type: "resolved" };

export const initialAutosave = (online = true): AutosaveState => ({
  edit: 0,
  saved: 0,
  inFlight: null,
  pendingSince: null,
  lastEditAt: null,
  urgent: false,
  online,
  unreachable: false,
  failures: 0,
  retryAt: null,
  problem: null,
  conflict: false,
  blocked: null,
});

export const backoffMs = (failures: number, t: AutosaveTiming = AUTOSAVE_TIMING): number => Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** Math.max(0, failures - 1));

export function autosaveReducer(s: AutosaveState, e: AutosaveEvent, t: AutosaveTiming = AUTOSAVE_TIMING): AutosaveState {
  switch (e.type) {
    case "edited":
      // A new edit may fix what the server refused; a retry already scheduled keeps its backoff.
      return { ...s, edit: s.edit + 1, lastEditAt: e.at, pendingSince: s.pendingSince ?? e.at, problem: s.problem?.kind === "refused" ? null : s.problem };
    case "clean":
      return { ...s, saved: s.edit, pendingSince: null, urgent: false, problem: null, retryAt: null, failures: 0 };
    case "blocked":
      return { ...s, blocked: e.reason };
    case "saveNow":
      // Asked for explicitly: try at once, even what was refused, is waiting out a backoff, or met a newer
      // revision (the server checks again; a conflict brings the choice back).
      return { ...s, urgent: true, retryAt: null, conflict: false, problem: s.problem?.kind === "refused" ? null : s.problem };
    case "started":
      return { ...s, inFlight: s.edit, pendingSince: null, urgent: false, retryAt: null };
    case "succeeded":
      return { ...s, saved: Math.max(s.saved, e.change), inFlight: null, unreachable: false, failures: 0, retryAt: null, problem: null };
    case "failed": {
      // What was sent is still unsaved: it counts as pending since it was sent at the latest.
      const base = { ...s, inFlight: null, pendingSince: s.pendingSince ?? e.at };
      const f = e.failure;
      if (f.kind === "conflict") return f.merged ? { ...base, urgent: true } : { ...base, conflict: true };
      if (f.kind === "refused") return { ...base, problem: { kind: "refused", message: f.message }, failures: 0 };
      const failures = s.failures + 1;
      const retryAt = e.at + backoffMs(failures, t);
      if (f.kind === "network") return { ...base, unreachable: true, failures, retryAt };
      return { ...base, problem: { kind: "error", message: f.message }, failures, retryAt };
    }
    case "online":
      // Back online: try again at once rather than waiting out the backoff.
      return { ...s, online: true, retryAt: s.retryAt === null ? null : e.at };
    case "offline":
      return { ...s, online: false };
    case "resolved":
      // The person chose: save their choice without waiting for a pause.
      return { ...s, conflict: false, urgent: s.saved < s.edit };
  }
}

export type Decision = { save: true } | { save: false; wakeAt: number | null };

/** Whether to send a save at `now`, or when to ask again (null: only after the next event). */
export function decide(s: AutosaveState, now: number, t: AutosaveTiming = AUTOSAVE_TIMING): Decision {
  const wait = (wakeAt: number | null): Decision => ({ save: false, wakeAt });
  if (s.inFlight !== null || s.saved >= s.edit) return wait(null);
  if (s.conflict || s.blocked !== null || !s.online || s.problem?.kind === "refused") return wait(null);
  if (s.urgent) return { save: true };
  if (s.retryAt !== null) return s.retryAt <= now ? { save: true } : wait(s.retryAt);
  const due = Math.min((s.lastEditAt ?? now) + t.debounceMs, (s.pendingSince ?? now) + t.maxWaitMs);
  return due <= now ? { save: true } : wait(due);
}

export type AutosaveStatus = "saved" | "saving" | "unsaved" | "offline" | "error" | "conflict";

/** What the indicator says: a short label, and a sentence with the detail. */
export function statusOf(s: AutosaveState): { status: AutosaveStatus; label: string; detail: string } {
  const kept = "Your changes are kept in this browser and saved when the connection is back.";
  if (s.conflict) return { status: "conflict", label: "Not saved", detail: "Someone else saved this draft meanwhile: choose what to keep." };
  if (s.inFlight !== null) return { status: "saving", label: "Saving…", detail: "Saving your changes." };
  if (!s.online) return { status: "offline", label: "Offline", detail: s.saved >= s.edit ? "You are offline. Changes you make are kept in this browser." : kept };
  if (s.saved >= s.edit) return { status: "saved", label: "Saved", detail: "All changes saved." };
  if (s.blocked !== null) return { status: "error", label: "Not saved", detail: `Not saved until the JSON is fixed: ${s.blocked}` };
  if (s.unreachable) return { status: "offline", label: "Offline", detail: `Junction could not be reached. ${kept}` };
  if (s.problem) return { status: "error", label: "Not saved", detail: s.problem.kind === "error" ? `${s.problem.message} Retrying.` : s.problem.message };
  return { status: "unsaved", label: "Unsaved changes", detail: "Saving shortly." };
}
