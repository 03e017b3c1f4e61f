"use client";
import { useNodesInitialized } from "@xyflow/react";
import { useEffect } from "react";
import { afterPaint, MARK_CANVAS_READY, markOnce } from "@/app/_lib/perf-marks";

/**
 * Inside <ReactFlow>: marks "editor:canvas-ready" once every node has been measured and the frame showing them
 * has been painted — the first moment the canvas can be clicked (bench/editor-open.ts measures from here).
 */
export function CanvasReadyMark() {
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (initialized) afterPaint(() => markOnce(MARK_CANVAS_READY));
  }, [initialized]);
  return null;
}
