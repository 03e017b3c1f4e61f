"use client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { autosaveReducer, decide, initialAutosave, statusOf, type AutosaveEvent, type SaveFailure } from "@/app/_lib/autosave/machine";

export type SaveOutcome = { ok: true } | { ok: false; failure: SaveFailure };

type Options = {
  enabled: boolean;
  /** The draft as it is, and as the server has it: they differ while there is something to save. */
  text: string;
  savedText: string;
  /** Why the draft cannot be sent (its JSON does not parse), else null. */
  blocked: string | null;
  /** Sends the draft as it is at the moment of the call. */
  save: () => Promise<SaveOutcome>;
};

/**
 * Runs the autosave machine (app/_lib/autosave/machine.ts) against the clock, the network and the editor: it
 * feeds it edits, the browser's online/offline events and save results, and sends a save when it says so.
 */
export function useAutosave({ enabled, text, savedText, blocked, save }: Options) {
  const [state, send] = useReducer((s: ReturnType<typeof initialAutosave>, e: AutosaveEvent) => autosaveReducer(s, e), undefined, () => initialAutosave(true));
  const [tick, setTick] = useState(0);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  // Every change of the text is an edit; text equal to the saved draft again is clean.
  const lastText = useRef(text);
  useEffect(() => {
    if (text === savedText) send({ type: "clean" });
    else if (text !== lastText.current || state.saved >= state.edit) send({ type: "edited", at: Date.now() });
    lastText.current = text;
    // Only a change of the texts is news; the counters are read to notice a save that left the draft unsaved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, savedText]);
  useEffect(() => send({ type: "blocked", reason: blocked }), [blocked]);

  useEffect(() => {
    if (!navigator.onLine) send({ type: "offline" });
    const online = () => send({ type: "online", at: Date.now() });
    const offline = () => send({ type: "offline" });
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, []);

  // Decide after every change of state (and when a timer it asked for fires).
  const flying = useRef(false);
  useEffect(() => {
    if (!enabled || flying.current) return;
    const d = decide(state, Date.now());
    if (d.save) {
      flying.current = true;
      const change = state.edit;
      send({ type: "started", at: Date.now() });
      void saveRef.current().then(
        (r) => {
          flying.current = false;
          send(r.ok ? { type: "succeeded", change } : { type: "failed", failure: r.failure, at: Date.now() });
        },
        () => {
          flying.current = false;
          send({ type: "failed", failure: { kind: "network" }, at: Date.now() });
        },
      );
      return;
    }
    if (d.wakeAt === null) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, d.wakeAt - Date.now()));
    return () => clearTimeout(timer);
  }, [state, enabled, tick]);

  const saveNow = useCallback(() => send({ type: "saveNow" }), []);
  const resolved = useCallback(() => send({ type: "resolved" }), []);
  return { ...statusOf(state), pending: state.saved < state.edit || state.inFlight !== null, saveNow, resolved };
}
