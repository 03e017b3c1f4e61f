/**
 * What the editor tells a profiler: User Timing marks at the moments its speed targets are about (the canvas
 * drawn, a selection shown), read by bench/editor-open.ts and visible in the browser's performance panel, and
 * a render counter for the canvas's node components (bench/editor-drag.ts). Marks cost next to nothing; the
 * counter counts only when a page defines `window.__junctionRenders` (the bench does, before the app loads).
 */

export const MARK_CANVAS_READY = "editor:canvas-ready";
export const MARK_NODE_SELECTED = "editor:node-selected";

/** A mark once per page load for `name` (later ones would only blur "time to first"). */
const marked = new Set<string>();
export function markOnce(name: string, detail?: unknown): void {
  if (typeof performance === "undefined" || marked.has(name)) return;
  marked.add(name);
  performance.mark(name, { detail });
}

/** A mark every time (each selection, each keystroke); the bench reads the latest. */
export function mark(name: string, detail?: unknown): void {
  if (typeof performance !== "undefined") performance.mark(name, { detail });
}

/** After the browser has painted what React just committed: the next frame, then the task after it. */
export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === "undefined") return;
  requestAnimationFrame(() => setTimeout(fn, 0));
}

type RenderCounts = Record<string, number>;

/** Counts one render of `what` (e.g. "step:<id>") when the page asked for counting; otherwise a no-op. */
export function countRender(what: string): void {
  if (typeof window === "undefined") return;
  const counts = (window as unknown as { __junctionRenders?: RenderCounts }).__junctionRenders;
  if (counts) counts[what] = (counts[what] ?? 0) + 1;
}
