"use client";
import { DotsIcon } from "@/app/_components/icons";
import { Menu, MenuItem } from "@/app/_components/menu";
import { useCanvasActions } from "./canvas-actions";

/**
 * A step's own menu on the canvas (shown on the selected step): rename, duplicate, delete — the same edits as the
 * toolbar and the shortcuts, for the step you are looking at.
 */
export function StepMenu({ nodeId }: { nodeId: string }) {
  const actions = useCanvasActions();
  if (!actions?.rename) return null;
  const { rename, duplicate, remove } = actions;
  return (
    // A click in the menu is not a click on the node (which would change the selection) nor the start of a drag.
    <div className="nodrag nopan absolute -top-3 -right-3" onClick={(e) => e.stopPropagation()}>
    <Menu
      label={`Step ${nodeId}`}
      trigger={(props) => (
        <button
          type="button"
          {...props}
          aria-label={`Actions for ${nodeId}`}
          className="flex size-6 items-center justify-center rounded-full border border-zinc-300 bg-white text-zinc-600 shadow-sm hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-300"
        >
          <DotsIcon className="size-3.5" />
        </button>
      )}
    >
      {(close) => (
        <>
          <MenuItem onSelect={() => (close(), rename(nodeId))}>Rename…</MenuItem>
          <MenuItem onSelect={() => (close(), duplicate?.(nodeId))}>Duplicate</MenuItem>
          <MenuItem tone="danger" onSelect={() => (close(), remove?.(nodeId))}>
            Delete
          </MenuItem>
        </>
      )}
    </Menu>
    </div>
  );
}
