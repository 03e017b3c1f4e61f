/** Stands where the editor canvas will be: a dotted grid with an honest note about what is coming. */
export function CanvasPlaceholder() {
  return (
    <section
      aria-label="Workflow canvas"
      data-testid="canvas-placeholder"
      className="relative flex min-h-[420px] items-center justify-center overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div
        aria-hidden
        className="absolute inset-0 text-zinc-300 dark:text-zinc-700"
        style={{ backgroundImage: "radial-gradient(currentColor 1px, transparent 1px)", backgroundSize: "20px 20px" }}
      />
      <div className="relative mx-4 max-w-sm rounded-xl border border-zinc-200 bg-white p-6 text-center shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto mb-3 flex size-10 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600 ring-1 ring-indigo-100 dark:bg-indigo-950/60 dark:text-indigo-300 dark:ring-indigo-900">
          <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden className="size-5">
            <rect x="2.5" y="3" width="5" height="4" rx="1" />
            <rect x="12.5" y="13" width="5" height="4" rx="1" />
            <path d="M5 7v4a4 4 0 0 0 4 4h3.5" />
          </svg>
        </div>
        <h2 className="text-sm font-semibold">The canvas is empty for now</h2>
        <p className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          The visual editor arrives with the execution engine. Then you will add a trigger and steps here, and watch runs move through
          them live.
        </p>
      </div>
    </section>
  );
}
