"use client";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import type { Doc } from "@/app/_lib/graph-edit/doc";
import { resolveMerge, type MergeResult, type Side } from "@/app/_lib/graph-edit/merge";
import { prettyJson } from "@/app/_lib/json-input";

type Props = {
  result: MergeResult | null;
  onApply: (merged: Doc) => void;
  /** Drop this tab's edits and load what was saved. */
  onTakeTheirs: () => void;
  onClose: () => void;
};

/**
 * Someone saved the draft since this tab loaded it. Changes to different steps were merged already; for each step
 * both sides changed, the person sees both versions and picks one. Nothing is applied until they say so.
 */
export function MergeDialog({ result, onApply, onTakeTheirs, onClose }: Props) {
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const conflicts = result?.conflicts ?? [];
  const auto = result?.autoMerged ?? 0;
  return (
    <Dialog
      open={result !== null}
      onClose={onClose}
      title="Someone else saved this draft"
      testId="merge-dialog"
      description={
        conflicts.length === 0
          ? `Another tab or member saved changes while you were editing. Your changes touch other steps, so they were merged: ${auto} change${auto === 1 ? "" : "s"} of yours kept on top of theirs. Review and save.`
          : `Another tab or member saved changes while you were editing. ${auto} change${auto === 1 ? "" : "s"} of yours merged automatically; ${conflicts.length} ${conflicts.length === 1 ? "was" : "were"} changed on both sides: choose which version to keep.`
      }
    >
      {conflicts.length > 0 && (
        <ul className="max-h-80 space-y-3 overflow-auto text-sm">
          {conflicts.map((c) => (
            <li key={c.key} data-testid={`merge-conflict-${c.key}`} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <p className="mb-2">{c.reason}</p>
              <div className="grid grid-cols-2 gap-2">
                {(["mine", "theirs"] as const).map((side) => (
                  <label key={side} className="block min-w-0 cursor-pointer rounded border border-zinc-200 p-1.5 has-[:checked]:border-indigo-500 dark:border-zinc-700">
                    <span className="flex items-center gap-1.5 text-xs font-medium">
                      {/* Named by the side alone; the version itself is its description (a name should stay short). */}
                      <input
                        type="radio"
                        name={c.key}
                        aria-label={side === "mine" ? "Keep yours" : "Keep theirs"}
                        aria-describedby={`${c.key}-${side}`}
                        checked={(choices[c.key] ?? "mine") === side}
                        onChange={() => setChoices({ ...choices, [c.key]: side })}
                      />
                      {side === "mine" ? "Yours" : "Theirs"}
                    </span>
                    <pre id={`${c.key}-${side}`} className="mt-1 max-h-32 overflow-auto font-mono text-[11px]">
                      {c[side] === undefined ? "(deleted)" : prettyJson(c[side])}
                    </pre>
                  </label>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <DialogActions>
        <Button variant="ghost" onClick={onTakeTheirs}>
          Discard mine, load theirs
        </Button>
        <Button onClick={() => result && onApply(resolveMerge(result, choices))} data-autofocus>
          {conflicts.length ? "Merge with these choices" : "Use the merged draft"}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
