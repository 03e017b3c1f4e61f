"use client";
import type { PaletteEntry } from "@/app/_lib/graph-edit/palette";
import { PaletteList } from "./palette-list";

type Props = {
  entries: readonly PaletteEntry[];
  loading: boolean;
  hasTrigger: boolean;
  /** Click or Enter: add after the selected step, or at a free spot. */
  onPick: (entry: PaletteEntry) => void;
  disabled: boolean;
};

/** The left column: everything that can be added, to drag onto the canvas, click, or pick with the keyboard. */
export function StepPalette({ entries, loading, hasTrigger, onPick, disabled }: Props) {
  return (
    <section aria-label="Add steps" data-testid="step-palette" className="flex h-full min-h-0 flex-col rounded-xl border border-zinc-200 bg-white p-2 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <h2 className="px-1 pb-1.5 text-sm font-semibold">Add a step</h2>
      <PaletteList entries={entries} loading={loading} hasTrigger={hasTrigger} onPick={onPick} draggable disabled={disabled} label="Steps" />
      <p className="px-1 pt-1.5 text-[11px] leading-4 text-zinc-500 dark:text-zinc-400">
        Drag onto the canvas, or press Enter to add after the selected step. <kbd className="font-mono">Ctrl/⌘ K</kbd> opens this anywhere.
      </p>
    </section>
  );
}
