"use client";
import { PlusIcon } from "@/app/_components/icons";
import { useCanvasActions } from "./canvas-actions";

/**
 * The "+" by a node's output handle: opens the step picker to add a step after it, connected from that handle.
 * It sits under the middle of the node, clear of the labelled exit handles on its right and of the "+" on the
 * edges leaving them. Only in the editor (no canvas actions, no button); nodrag/nopan so a click is not a drag.
 */
export function AddAfterButton({ nodeId, handle, label, className = "left-1/2 -bottom-2.5 -translate-x-1/2" }: { nodeId: string; handle?: string; label?: string; className?: string }) {
  const actions = useCanvasActions();
  if (!actions) return null;
  return (
    <button
      type="button"
      aria-label={`Add a step after ${nodeId}${handle ? ` (${label ?? handle})` : ""}`}
      title="Add a step after this one"
      data-testid={`add-after-${nodeId}${handle ? `-${handle}` : ""}`}
      onClick={(e) => {
        e.stopPropagation();
        actions.addAfter(nodeId, handle);
      }}
      className={`nodrag nopan absolute flex size-5 items-center justify-center rounded-full border border-zinc-300 bg-white text-zinc-500 shadow-sm hover:border-indigo-500 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:text-indigo-300 ${className}`}
    >
      <PlusIcon className="size-3" />
    </button>
  );
}
