"use client";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";

/** The canvas's keyboard shortcuts, as the sheet lists them (Ctrl on Windows and Linux, Cmd on a Mac). */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: "Ctrl/Cmd + K", what: "Add a step: search, then Enter adds it after the selected step (or at a free spot)" },
  { keys: "Ctrl/Cmd + Z", what: "Undo" },
  { keys: "Ctrl/Cmd + Shift + Z, Ctrl + Y", what: "Redo" },
  { keys: "Ctrl/Cmd + C", what: "Copy the selected steps (as JSON, to paste here, in another workflow or a text editor)" },
  { keys: "Ctrl/Cmd + X", what: "Cut the selected steps" },
  { keys: "Ctrl/Cmd + V", what: "Paste steps" },
  { keys: "Ctrl/Cmd + D", what: "Duplicate the selected steps" },
  { keys: "Delete, Backspace", what: "Delete the selected steps and their edges" },
  { keys: "Ctrl/Cmd + A", what: "Select every step" },
  { keys: "Ctrl/Cmd + S", what: "Save the draft now (it also saves by itself after each edit)" },
  { keys: "Tab, then Enter", what: "Move between steps on the canvas and select one" },
  { keys: "C", what: "Connect the selected step to another (or another to it)" },
  { keys: "Shift + 1", what: "Fit the graph in view" },
  { keys: "Shift + click, Shift + drag", what: "Select several steps" },
  { keys: "?", what: "Show this sheet" },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" description="On the canvas (not while typing in a field)." testId="shortcuts-sheet">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <th scope="row" className="py-1.5 pr-3 text-left align-top font-mono text-xs font-normal whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                {s.keys}
              </th>
              <td className="py-1.5">{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogActions>
        <Button variant="secondary" onClick={onClose} data-autofocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
