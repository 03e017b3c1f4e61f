"use client";
import { useEffect } from "react";
import { afterPaint, mark, MARK_NODE_SELECTED } from "@/app/_lib/perf-marks";

/**
 * Marks "editor:node-selected" (detail: the node's id) once a selection is on screen: the node outlined and its
 * form in the inspector painted. bench/editor-open.ts clicks a node as soon as the canvas is drawn and takes this
 * mark as the moment the editor is interactive.
 */
export function useSelectionMark(selectedId: string | null): void {
  useEffect(() => {
    if (selectedId) afterPaint(() => mark(MARK_NODE_SELECTED, selectedId));
  }, [selectedId]);
}
