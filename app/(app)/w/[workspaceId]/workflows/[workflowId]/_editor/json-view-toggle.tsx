"use client";
import { useCallback, useSyncExternalStore } from "react";

const KEY = "junction.editor.jsonView";
const listeners = new Set<() => void>();
const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};
// Where the choice lives when storage is refused (private mode, quota): for this page only.
let memory = false;
const read = () => {
  try {
    return localStorage.getItem(KEY) === "open";
  } catch {
    return memory;
  }
};

/**
 * Whether the advanced JSON view is open under the canvas. Remembered in this browser: someone who works in the
 * JSON keeps it across workflows and reloads; everyone else never sees it.
 */
export function useJsonView(): [boolean, (open: boolean) => void] {
  const open = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((next: boolean) => {
    memory = next;
    try {
      localStorage.setItem(KEY, next ? "open" : "closed");
    } catch {
      // Kept in memory instead.
    }
    listeners.forEach((f) => f());
  }, []);
  return [open, set];
}

export function JsonViewToggle({ open, onChange }: { open: boolean; onChange: (open: boolean) => void }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls="draft-json-view"
      // "JSON" on screen (the bar fits one row at 1280 px); its name says it is the advanced view.
      aria-label="Advanced: JSON"
      title="Advanced: the draft as JSON"
      onClick={() => onChange(!open)}
      className={`whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
        open ? "bg-indigo-50 text-indigo-700 ring-1 ring-indigo-200 dark:bg-indigo-950/60 dark:text-indigo-300 dark:ring-indigo-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
      }`}
    >
      JSON
    </button>
  );
}
