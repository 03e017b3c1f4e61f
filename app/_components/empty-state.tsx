import type { ReactNode } from "react";

/** What a list shows when it has nothing yet: an icon, one sentence of why it matters, and the next step. */
export function EmptyState({ icon, title, children, action, testId = "empty-state" }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} className="flex flex-col items-center rounded-xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-700">
      {icon && (
        <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-indigo-50 text-indigo-600 ring-1 ring-indigo-100 dark:bg-indigo-950/60 dark:text-indigo-300 dark:ring-indigo-900">
          {icon}
        </div>
      )}
      <h2 className="text-base font-semibold">{title}</h2>
      {children && <div className="mt-1.5 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{children}</div>}
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
