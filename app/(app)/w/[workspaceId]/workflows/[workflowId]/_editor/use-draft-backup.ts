"use client";
import { useEffect, useRef, useState } from "react";
import { clearBackup, readBackup, writeBackup, type DraftBackup } from "./draft-backup";

const WRITE_AFTER_MS = 300;

/**
 * Keeps the unsaved draft in localStorage while it differs from the saved one, and on opening offers back what
 * an earlier visit left unsaved. Until the person answers the offer, the stored copy is left alone.
 */
export function useDraftBackup(workflowId: string, text: string, base: { revision: number; text: string }, enabled: boolean) {
  const [offer, setOffer] = useState<DraftBackup | null>(null);
  // null until the stored copy has been read (after hydration: the server has no localStorage).
  const holding = useRef<boolean | null>(null);
  const latest = useRef({ text, base });
  useEffect(() => {
    latest.current = { text, base };
  });

  useEffect(() => {
    if (!enabled) return;
    if (holding.current === null) {
      const stored = readBackup(workflowId);
      holding.current = stored !== null && stored.text !== base.text && stored.text !== text;
      if (holding.current) {
        setOffer(stored);
        return;
      }
    }
    if (holding.current) return;
    const timer = setTimeout(() => save(workflowId, latest.current), WRITE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [workflowId, text, base.text, enabled]);

  // The tab is closing or going to the background: write now, not after the pause.
  useEffect(() => {
    if (!enabled) return;
    const flush = () => holding.current === false && save(workflowId, latest.current);
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [workflowId, enabled]);

  const answered = () => {
    holding.current = false;
    setOffer(null);
  };
  return {
    offer,
    accept: answered,
    discard: () => {
      clearBackup(workflowId);
      answered();
    },
  };
}

function save(workflowId: string, { text, base }: { text: string; base: { revision: number; text: string } }) {
  if (text === base.text) clearBackup(workflowId);
  else writeBackup(workflowId, { revision: base.revision, baseText: base.text, text, at: Date.now() });
}
