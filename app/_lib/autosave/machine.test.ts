import { describe, expect, it } from "vitest";
import { AUTOSAVE_TIMING, autosaveReducer, backoffMs, decide, initialAutosave, statusOf, type AutosaveEvent, type AutosaveState } from "./machine";

const { debounceMs, maxWaitMs } = AUTOSAVE_TIMING;
const run = (events: AutosaveEvent[], s: AutosaveState = initialAutosave()) => events.reduce((acc, e) => autosaveReducer(acc, e), s);

describe("autosave: debounce", () => {
  it("an edit is saved once the person pauses for the debounce, not before", () => {
    const s = run([{ type: "edited", at: 0 }]);
    expect(decide(s, debounceMs - 1)).toEqual({ save: false, wakeAt: debounceMs });
    expect(decide(s, debounceMs)).toEqual({ save: true });
    expect(statusOf(s).label).toBe("Unsaved changes");
  });

  it("each edit pushes the save back, but continuous editing still saves every maxWait", () => {
    const events: AutosaveEvent[] = [];
    for (let at = 0; at < maxWaitMs; at += debounceMs / 2) events.push({ type: "edited", at });
    const s = run(events);
    const last = events.at(-1)! as { at: number };
    expect(decide(s, last.at + 1)).toEqual({ save: false, wakeAt: maxWaitMs });
    expect(decide(s, maxWaitMs)).toEqual({ save: true });
  });

  it("Ctrl/Cmd+S saves at once, without waiting for the pause", () => {
    const s = run([{ type: "edited", at: 0 }, { type: "saveNow" }]);
    expect(decide(s, 1)).toEqual({ save: true });
  });

  it("nothing to save: no save, no timer", () => {
    expect(decide(initialAutosave(), 10_000)).toEqual({ save: false, wakeAt: null });
    const reverted = run([{ type: "edited", at: 0 }, { type: "clean" }]);
    expect(decide(reverted, 10_000)).toEqual({ save: false, wakeAt: null });
    expect(statusOf(reverted).label).toBe("Saved");
  });
});

describe("autosave: one save at a time, the latest queued", () => {
  it("edits made while a save is in flight wait for it, then go in one save carrying the latest draft", () => {
    let s = run([{ type: "edited", at: 0 }, { type: "started", at: debounceMs }]);
    expect(statusOf(s).label).toBe("Saving…");
    s = run([{ type: "edited", at: 900 }, { type: "edited", at: 950 }, { type: "saveNow" }], s);
    // Even Ctrl/Cmd+S does not start a second save while one is on its way.
    expect(decide(s, 5_000)).toEqual({ save: false, wakeAt: null });
    s = autosaveReducer(s, { type: "succeeded", change: 1 });
    expect(s.saved).toBe(1);
    expect(statusOf(s).label).toBe("Unsaved changes");
    // The queued save-now goes at once after the first returns.
    expect(decide(s, 1_000)).toEqual({ save: true });
    s = run([{ type: "started", at: 1_000 }, { type: "succeeded", change: 3 }], s);
    expect(statusOf(s).label).toBe("Saved");
    expect(decide(s, 10_000)).toEqual({ save: false, wakeAt: null });
  });

  it("maxWait for edits made during a save counts from the first of them, not from the first edit ever", () => {
    let s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "edited", at: 1_000 }, { type: "succeeded", change: 1 }]);
    s = run([{ type: "edited", at: 1_500 }, { type: "edited", at: 2_000 }], s);
    expect(decide(s, 2_100)).toEqual({ save: false, wakeAt: 2_000 + debounceMs });
  });

  it("undoing back to the saved draft while a save is in flight leaves nothing more to save", () => {
    const s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "clean" }, { type: "succeeded", change: 1 }]);
    expect(decide(s, 10_000)).toEqual({ save: false, wakeAt: null });
  });
});

describe("autosave: offline and failures", () => {
  it("offline: nothing is sent, the edits stay pending and 'Offline' is shown; back online saves at once", () => {
    let s = run([{ type: "offline" }, { type: "edited", at: 0 }, { type: "edited", at: 100 }]);
    expect(decide(s, 60_000)).toEqual({ save: false, wakeAt: null });
    expect(statusOf(s)).toMatchObject({ status: "offline", label: "Offline" });
    expect(statusOf(s).detail).toContain("kept in this browser");
    s = autosaveReducer(s, { type: "online", at: 60_000 });
    expect(decide(s, 60_000)).toEqual({ save: true });
  });

  it("a save that gets no answer shows Offline and retries with doubling backoff, capped", () => {
    let s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "failed", failure: { kind: "network" }, at: 1_000 }]);
    expect(statusOf(s).label).toBe("Offline");
    expect(decide(s, 1_500)).toEqual({ save: false, wakeAt: 1_000 + backoffMs(1) });
    s = run([{ type: "started", at: 2_000 }, { type: "failed", failure: { kind: "network" }, at: 2_100 }], s);
    expect(decide(s, 2_200)).toEqual({ save: false, wakeAt: 2_100 + backoffMs(2) });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(50)).toBe(AUTOSAVE_TIMING.retryMaxMs);
    // The browser reports the connection back: retry at once instead of waiting out the backoff.
    s = run([{ type: "offline" }, { type: "online", at: 2_300 }], s);
    expect(decide(s, 2_300)).toEqual({ save: true });
    s = run([{ type: "started", at: 2_300 }, { type: "succeeded", change: 1 }], s);
    expect(statusOf(s).label).toBe("Saved");
    expect(s.failures).toBe(0);
  });

  it("a server error is shown and retried; a refusal is shown and waits for the next edit (or Ctrl/Cmd+S)", () => {
    let s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "failed", failure: { kind: "error", message: "Internal error." }, at: 900 }]);
    expect(statusOf(s)).toMatchObject({ status: "error", label: "Not saved" });
    expect(decide(s, 900 + backoffMs(1))).toEqual({ save: true });

    s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "failed", failure: { kind: "refused", message: "The workflow graph cannot be saved: nodes: …" }, at: 900 }]);
    expect(statusOf(s).detail).toContain("cannot be saved");
    expect(decide(s, 1_000_000)).toEqual({ save: false, wakeAt: null });
    expect(decide(autosaveReducer(s, { type: "saveNow" }), 1_000_000)).toEqual({ save: true });
    const edited = autosaveReducer(s, { type: "edited", at: 2_000 });
    expect(decide(edited, 2_000 + debounceMs)).toEqual({ save: true });
  });

  it("a draft whose JSON does not parse is not sent until it does", () => {
    let s = run([{ type: "edited", at: 0 }, { type: "blocked", reason: "Not valid JSON: Unexpected end" }]);
    expect(decide(s, 10_000)).toEqual({ save: false, wakeAt: null });
    expect(statusOf(s).detail).toContain("Not valid JSON");
    s = run([{ type: "blocked", reason: null }, { type: "edited", at: 10_000 }], s);
    expect(decide(s, 10_000 + debounceMs)).toEqual({ save: true });
  });
});

describe("autosave: a stale revision", () => {
  it("edits to different steps: the editor merged at once, and the merge is saved without waiting", () => {
    // The merge arrives as an edit (the draft changed) before the failed save reports back.
    const s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "edited", at: 950 }, { type: "failed", failure: { kind: "conflict", merged: true }, at: 960 }]);
    expect(statusOf(s).status).toBe("unsaved");
    expect(decide(s, 960)).toEqual({ save: true });
  });

  it("edits to the same step: nothing is saved over theirs until the person has chosen, then the choice is saved at once", () => {
    let s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "failed", failure: { kind: "conflict", merged: false }, at: 900 }]);
    expect(statusOf(s).status).toBe("conflict");
    // Editing meanwhile does not send a save over theirs.
    s = autosaveReducer(s, { type: "edited", at: 1_000 });
    expect(decide(s, 100_000)).toEqual({ save: false, wakeAt: null });
    // Chosen: the merge is an edit on top of their revision, saved at once.
    s = run([{ type: "edited", at: 2_000 }, { type: "resolved" }], s);
    expect(decide(s, 2_000)).toEqual({ save: true });
  });

  it("Ctrl/Cmd+S while the choice is pending (the dialog was closed) tries again: the server checks the revision again", () => {
    const s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "failed", failure: { kind: "conflict", merged: false }, at: 900 }, { type: "saveNow" }]);
    expect(decide(s, 1_000)).toEqual({ save: true });
  });

  it("taking their version leaves nothing to save", () => {
    const s = run([{ type: "edited", at: 0 }, { type: "started", at: 800 }, { type: "failed", failure: { kind: "conflict", merged: false }, at: 900 }, { type: "resolved" }, { type: "clean" }]);
    expect(decide(s, 100_000)).toEqual({ save: false, wakeAt: null });
    expect(statusOf(s).label).toBe("Saved");
  });
});
