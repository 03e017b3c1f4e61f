"use client";
import type { AutosaveStatus } from "@/app/_lib/autosave/machine";

type Props = {
  status: AutosaveStatus;
  label: string;
  detail: string;
  readOnly: boolean;
};

const DOT: Record<AutosaveStatus, string> = {
  saved: "bg-emerald-500",
  saving: "bg-indigo-500 animate-pulse motion-reduce:animate-none",
  unsaved: "bg-zinc-400",
  offline: "bg-amber-500",
  error: "bg-red-500",
  conflict: "bg-red-500",
};

/**
 * Where the draft stands: Saved, Saving…, Unsaved changes, Offline or Not saved, with the detail beside it. A
 * polite live region, so a screen reader hears a save fail or the connection drop without losing its place.
 */
export function AutosaveIndicator({ status, label, detail, readOnly }: Props) {
  if (readOnly) {
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="draft-state">
        Read-only: you have view access.
      </p>
    );
  }
  const quiet = status === "saved" || status === "saving" || status === "unsaved";
  return (
    <p role="status" aria-live="polite" className="flex min-w-0 items-center gap-1.5 text-xs" data-status={status}>
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${DOT[status]}`} />
      <span data-testid="draft-state" className="truncate font-medium whitespace-nowrap text-zinc-700 dark:text-zinc-300" title={label}>
        {label}
      </span>
      {/* The label says it all when things are fine; otherwise say why and what happens next. */}
      <span data-testid="draft-state-detail" className={quiet ? "sr-only" : "truncate text-zinc-600 dark:text-zinc-400"} title={detail}>
        {detail}
      </span>
    </p>
  );
}
