"use client";
import { useState } from "react";
import type { PaletteEntry } from "@/app/_lib/graph-edit/palette";
import type { CanvasActions } from "@/app/(app)/w/[workspaceId]/_graph/canvas-actions";
import type { LooseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import type { PaletteTarget } from "./command-palette";

/**
 * Where a picked step goes: the command palette's target (opened by Ctrl/Cmd+K or a "+" on the canvas), and for
 * a pick from the palette column, after the selected step (so picking one step after another builds a chain),
 * else at a free spot. A trigger is never "after" anything.
 */
export function useStepPicking(graph: LooseGraph, selectedId: string | null) {
  const [picking, setPicking] = useState<PaletteTarget | null>(null);
  const selected = selectedId ? graph.nodes.find((n) => n.id === selectedId) : undefined;
  const nextTo = (entry?: PaletteEntry): PaletteTarget =>
    selected && selected.kind !== "stop" && !entry?.trigger ? { where: { after: selected.id }, title: `Add a step after ${selected.id}` } : { where: { free: true }, title: "Add a step" };
  const fromCanvas: Pick<CanvasActions, "addAfter" | "insertOnEdge"> = {
    addAfter: (id, handle) => setPicking({ where: { after: id, handle }, title: `Add a step after ${id}${handle ? ` (${handle})` : ""}` }),
    insertOnEdge: (edgeId) => {
      const e = graph.edges.find((x) => x.id === edgeId);
      if (e) setPicking({ where: { onEdge: edgeId }, title: `Insert a step between ${e.source} and ${e.target}` });
    },
  };
  return { picking, close: () => setPicking(null), open: () => setPicking(nextTo()), nextTo, fromCanvas };
}
