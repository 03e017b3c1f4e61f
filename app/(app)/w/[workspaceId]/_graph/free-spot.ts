import type { Point } from "./graph-layout";

export type Rect = { x: number; y: number; width: number; height: number };

const overlaps = (a: Rect, b: Rect, gap: number) => a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Where to put something new of `size` near `centre` (the middle of the view) without covering what is there:
 * the top-left corner of the first free place on square rings around the centre, `step` apart, nearest first;
 * the centre itself when nothing near is free. Linear in the rects per candidate, with a bounded number of candidates.
 */
export function freeSpot(rects: readonly Rect[], size: { width: number; height: number }, centre: Point, step = 40, rings = 8): Point {
  const at = (dx: number, dy: number): Rect => ({ x: Math.round(centre.x - size.width / 2 + dx), y: Math.round(centre.y - size.height / 2 + dy), ...size });
  for (let r = 0; r <= rings; r++) {
    for (let i = -r; i <= r; i++) {
      for (let j = -r; j <= r; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== r) continue;
        const candidate = at(i * step, j * step);
        if (!rects.some((b) => overlaps(candidate, b, 12))) return { x: candidate.x, y: candidate.y };
      }
    }
  }
  const fallback = at(0, 0);
  return { x: fallback.x, y: fallback.y };
}
