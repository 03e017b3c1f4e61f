import { describe, expect, it } from "vitest";
import { freeSpot } from "./free-spot";

describe("where a new sticky note goes", () => {
  it("in the middle of the view when that is free", () => {
    expect(freeSpot([], { width: 240, height: 140 }, { x: 500, y: 300 })).toEqual({ x: 380, y: 230 });
  });

  it("beside the step in the middle of the view rather than over it, and near the middle", () => {
    const step = { x: 400, y: 260, width: 184, height: 64 };
    const spot = freeSpot([step], { width: 240, height: 140 }, { x: 492, y: 292 });
    const note = { ...spot, width: 240, height: 140 };
    expect(note.x + note.width <= step.x || step.x + step.width <= note.x || note.y + note.height <= step.y || step.y + step.height <= note.y).toBe(true);
    expect(Math.hypot(spot.x + 120 - 492, spot.y + 70 - 292)).toBeLessThan(400);
  });
});
