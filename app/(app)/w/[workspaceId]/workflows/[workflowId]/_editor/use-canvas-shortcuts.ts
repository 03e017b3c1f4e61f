"use client";
import { useEffect, useRef } from "react";

export type CanvasCommands = {
  undo: () => void;
  redo: () => void;
  /** The selection as clipboard text, or null when nothing is selected. */
  copyText: () => string | null;
  cut: () => void;
  paste: (text: string) => void;
  duplicate: () => void;
  remove: () => void;
  selectAll: () => void;
  save: () => void;
  fitView: () => void;
  showShortcuts: () => void;
  /** The step picker (Ctrl/Cmd+K). */
  openPalette?: () => void;
};

/** Typing in a field keeps the browser's own keys (its text undo, copy and paste); a dialog keeps its own too. */
function ownKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("dialog")) return true;
  return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

/**
 * The canvas's keyboard shortcuts while the editor is on the page. Copy, cut and paste use the browser's clipboard
 * events rather than the async clipboard API, so they need no permission prompt and work across tabs.
 */
export function useCanvasShortcuts(commands: CanvasCommands, enabled: boolean) {
  const ref = useRef(commands);
  useEffect(() => {
    ref.current = commands;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const c = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // The step picker opens from anywhere on the page, a text field included (not over another dialog).
      if (mod && key === "k" && !e.altKey && !e.shiftKey && c.openPalette && !(e.target instanceof Element && e.target.closest("dialog"))) {
        e.preventDefault();
        c.openPalette();
        return;
      }
      if (ownKeys(e.target) || e.altKey) return;
      const run = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (mod && key === "z") run(e.shiftKey ? c.redo : c.undo);
      else if (mod && key === "y") run(c.redo);
      else if (mod && key === "d") run(c.duplicate);
      else if (mod && key === "a") run(c.selectAll);
      else if (mod && key === "s") run(c.save);
      else if (!mod && (e.key === "Delete" || e.key === "Backspace")) run(c.remove);
      else if (!mod && e.shiftKey && e.code === "Digit1") run(c.fitView);
      else if (!mod && e.key === "?") run(c.showShortcuts);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (ownKeys(e.target) || hasTextSelection()) return;
      const text = ref.current.copyText();
      if (text === null || !e.clipboardData) return;
      e.preventDefault();
      e.clipboardData.setData("text/plain", text);
      if (e.type === "cut") ref.current.cut();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (ownKeys(e.target) || !e.clipboardData) return;
      e.preventDefault();
      ref.current.paste(e.clipboardData.getData("text/plain"));
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [enabled]);
}

/** Text selected on the page (a message, a step's summary) is copied as text, not as steps. */
function hasTextSelection(): boolean {
  const s = window.getSelection();
  return Boolean(s && !s.isCollapsed && s.toString().trim());
}
