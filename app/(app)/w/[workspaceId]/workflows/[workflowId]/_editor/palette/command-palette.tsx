"use client";
import { Dialog } from "@/app/_components/dialog";
import type { Where } from "@/app/_lib/graph-edit/add-step";
import type { PaletteEntry } from "@/app/_lib/graph-edit/palette";
import { PaletteList } from "./palette-list";

/** Where the command palette adds, and how its title says so. */
export type PaletteTarget = { where: Where; title: string };

type Props = {
  target: PaletteTarget | null;
  entries: readonly PaletteEntry[];
  loading: boolean;
  hasTrigger: boolean;
  onPick: (entry: PaletteEntry, where: Where) => void;
  onClose: () => void;
};

/**
 * The step picker as a dialog (Ctrl/Cmd+K, or a "+" on a handle or an edge): type, arrows, Enter. After a step or
 * into an edge only steps are offered (a trigger starts the workflow, it never follows a step).
 */
export function CommandPalette({ target, entries, loading, hasTrigger, onPick, onClose }: Props) {
  const free = target !== null && ("free" in target.where || "at" in target.where);
  const offered = free ? entries : entries.filter((e) => !e.trigger);
  return (
    <Dialog open={target !== null} onClose={onClose} title={target?.title ?? "Add a step"} testId="command-palette">
      <div className="h-[22rem]">
        {target && (
          <PaletteList
            entries={offered}
            loading={loading}
            hasTrigger={hasTrigger}
            autoFocus
            label={target.title}
            onPick={(entry) => {
              onClose();
              onPick(entry, target.where);
            }}
          />
        )}
      </div>
    </Dialog>
  );
}
