"use client";

/** The editor bar's "Test" button: opens the test panel under the canvas; a dot shows the latest test's state. */
export function TestToggle({ open, onChange, state }: { open: boolean; onChange: (open: boolean) => void; state: "running" | "succeeded" | "failed" | null }) {
  const dot: Record<NonNullable<typeof state>, string> = { running: "bg-indigo-500 animate-pulse", succeeded: "bg-emerald-500", failed: "bg-red-500" };
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls="editor-test-panel"
      data-testid="test-toggle"
      onClick={() => onChange(!open)}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
        open ? "bg-indigo-50 text-indigo-700 ring-1 ring-indigo-200 dark:bg-indigo-950/60 dark:text-indigo-300 dark:ring-indigo-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
      }`}
    >
      {state && <span aria-hidden className={`size-1.5 rounded-full ${dot[state]}`} />}
      Test
      {state && <span className="sr-only">(latest test {state})</span>}
    </button>
  );
}

/** The latest test's state as the toggle shows it. */
export function toggleState(status: string | undefined): "running" | "succeeded" | "failed" | null {
  if (status === "queued" || status === "running") return "running";
  if (status === "succeeded" || status === "succeeded_with_errors") return "succeeded";
  if (status === "failed") return "failed";
  return null;
}

