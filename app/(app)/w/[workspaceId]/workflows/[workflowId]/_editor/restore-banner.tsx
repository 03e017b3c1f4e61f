"use client";
import { Button } from "@/app/_components/button";
import type { DraftBackup } from "./draft-backup";

type Props = { backup: DraftBackup | null; onRestore: () => void; onDiscard: () => void };

/** Edits an earlier visit could not save (offline, or the tab closed first) were kept in this browser: offer them back. */
export function RestoreBanner({ backup, onRestore, onDiscard }: Props) {
  if (!backup) return null;
  const when = new Date(backup.at).toLocaleString();
  return (
    <div role="alert" data-testid="restore-draft" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="min-w-0 flex-1">Changes from {when} were not saved; they were kept in this browser. Restore them to save them now?</p>
      <Button size="sm" onClick={onRestore}>
        Restore my changes
      </Button>
      <Button size="sm" variant="ghost" onClick={onDiscard}>
        Discard them
      </Button>
    </div>
  );
}
