"use client";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from "@xyflow/react";
import { PlusIcon } from "@/app/_components/icons";
import { useCanvasActions } from "./canvas-actions";

export type StepEdgeData = { handleLabel?: string };
export type StepFlowEdge = Edge<StepEdgeData, "step">;

/**
 * An edge between steps: its handle's name as a label (true, false, each, …) and, in the editor, a "+" at its
 * middle that inserts a step between its source and target.
 */
export function StepEdge({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, label, labelBgPadding, data }: EdgeProps<StepFlowEdge>) {
  const actions = useCanvasActions();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  // With a label on the edge, the "+" sits just below it rather than on top of it.
  const plusY = label ? labelY + 16 : labelY;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} label={label} labelX={labelX} labelY={labelY} labelBgPadding={labelBgPadding} labelShowBg />
      {actions && (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`Insert a step between ${source} and ${target}${data?.handleLabel ? ` (${data.handleLabel})` : ""}`}
            title="Insert a step here"
            data-testid={`insert-on-${id}`}
            onClick={(e) => {
              e.stopPropagation();
              actions.insertOnEdge(id);
            }}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${plusY}px)` }}
            className="nodrag nopan pointer-events-auto absolute flex size-5 items-center justify-center rounded-full border border-zinc-300 bg-white text-zinc-500 opacity-80 shadow-sm hover:border-indigo-500 hover:text-indigo-600 hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:text-indigo-300"
          >
            <PlusIcon className="size-3" />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
