"use client";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from "@xyflow/react";
import { createContext, memo, useContext } from "react";
import { PlusIcon } from "@/app/_components/icons";
import { useCanvasActions } from "./canvas-actions";

/** `exit`: the source's exit when it is named (not "out"); `removable`: the editor, where a selected edge has a remove button. */
export type StepEdgeData = { exit?: string; removable: boolean; error: boolean };
export type StepFlowEdge = Edge<StepEdgeData, "step">;

/** The canvas's edge actions, stable for the life of the canvas so edges never re-render for them. */
export const EdgeActions = createContext<{ remove: (id: string) => void } | null>(null);

/**
 * An edge: its exit's name on it when the exit is named (true/false, a switch case, each/done, error), and when
 * it is selected in the editor a button to remove it (Delete or Backspace does the same); in the editor, a "+"
 * under its middle inserts a step between its source and target.
 */
export const StepEdge = memo(function StepEdge({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, selected, data }: EdgeProps<StepFlowEdge>) {
  const actions = useContext(EdgeActions);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const exit = data?.exit;
  const showRemove = Boolean(selected && data?.removable && actions);
  const canvas = useCanvasActions();
  // Below the label (or the remove button) when there is one, else on the middle of the edge.
  const plusY = exit || showRemove ? labelY + 18 : labelY;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={16} />
      {(exit || showRemove) && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan absolute flex items-center gap-1"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: showRemove ? "all" : "none" }}
          >
            {exit && (
              <span data-testid={`edge-label-${id}`} className={`rounded border px-1 py-px text-[10px] leading-none font-medium ${data?.error ? "border-red-300 bg-red-50 text-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-300" : "border-zinc-200 bg-white text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"}`}>
                {exit}
              </span>
            )}
            {showRemove && (
              <button
                type="button"
                aria-label={`Remove the connection from ${source}${exit ? ` (${exit})` : ""} to ${target}`}
                title="Remove this connection (Delete)"
                onClick={() => actions!.remove(id)}
                className="flex size-5 items-center justify-center rounded-full border border-zinc-300 bg-white text-xs leading-none text-zinc-700 shadow-sm hover:border-red-400 hover:text-red-600 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200 dark:hover:text-red-400"
              >
                ×
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
      {canvas && (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`Insert a step between ${source} and ${target}${exit ? ` (${exit})` : ""}`}
            title="Insert a step here"
            onClick={(e) => {
              e.stopPropagation();
              canvas.insertOnEdge(id);
            }}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${plusY}px)` }}
            className="nodrag nopan pointer-events-auto absolute flex size-5 items-center justify-center rounded-full border border-zinc-300 bg-white text-zinc-600 opacity-80 shadow-sm hover:border-indigo-500 hover:text-indigo-600 hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:text-indigo-300"
          >
            <PlusIcon className="size-3" />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
