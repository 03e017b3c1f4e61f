/** The Junction mark: two paths meeting at a node. */
export function Logo({ withName = true, className = "" }: { withName?: boolean; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span className="flex size-7 items-center justify-center rounded-lg bg-indigo-600 text-white shadow-sm dark:bg-indigo-500">
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden className="size-4">
          <path d="M4 4c0 4 3 6 6 6M4 16c0-4 3-6 6-6h6" />
          <circle cx="16" cy="10" r="1.5" fill="currentColor" />
        </svg>
      </span>
      {withName && <span>Junction</span>}
    </span>
  );
}
