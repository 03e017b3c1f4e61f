"use client";
import { useStore, type ReactFlowState } from "@xyflow/react";
import { useEffect, useState } from "react";
import { afterPaint, MARK_CANVAS_READY, markOnce } from "@/app/_lib/perf-marks";

/**
 * Every node React Flow draws has been measured: with `culled` (onlyRenderVisibleElements) the ones in view, plus
 * any not measured yet, which it draws regardless; otherwise all. Read from the store on every change, so it turns
 * true as the last measurement lands. (useNodesInitialized is recomputed only when the nodes prop changes, so the
 * mark waited for an unrelated re-render, or never came.)
 */
const drawnAndMeasured = (culled: boolean) => (s: ReactFlowState) => {
  if (s.nodeLookup.size === 0 || !s.width || !s.height) return false;
  // The view in flow coordinates, as React Flow's own culling computes it.
  const [tx, ty, zoom] = s.transform;
  const [left, top, right, bottom] = [-tx / zoom, -ty / zoom, (s.width - tx) / zoom, (s.height - ty) / zoom];
  for (const n of s.nodeLookup.values()) {
    if (n.hidden || n.measured.width !== undefined) continue;
    if (!culled || !n.internals.handleBounds) return false; // drawn and not measured yet
    const { x, y } = n.internals.positionAbsolute;
    const [w, h] = [n.width ?? n.initialWidth ?? 0, n.height ?? n.initialHeight ?? 0];
    if (x < right && x + w > left && y < bottom && y + h > top) return false; // in view and not measured yet
  }
  return true;
};
const always = () => true;

/**
 * Inside <ReactFlow>: marks "editor:canvas-ready" once every node drawn has been measured and the frame showing them
 * has been painted — the first moment the canvas can be clicked (bench/editor-open.ts measures from here). Stops
 * reading the store once marked.
 */
export function CanvasReadyMark({ culled }: { culled: boolean }) {
  const [marked, setMarked] = useState(false);
  const ready = useStore(marked ? always : drawnAndMeasured(culled));
  useEffect(() => {
    if (!ready || marked) return;
    afterPaint(() => markOnce(MARK_CANVAS_READY));
    setMarked(true);
  }, [ready, marked]);
  return null;
}
