import { Skeleton } from "@/app/_components/spinner";

/** Placeholder rows in the shape of the real list, so the page does not jump when data arrives. */
export function WorkflowListSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading workflows" data-testid="workflows-loading" className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex items-center gap-4 border-b border-zinc-200 px-4 py-4 last:border-b-0 dark:border-zinc-800">
          <Skeleton className="size-9 rounded-lg" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3.5 w-48 max-w-full" />
            <Skeleton className="h-3 w-28" />
          </div>
          <Skeleton className="hidden h-5 w-16 rounded-full sm:block" />
        </div>
      ))}
    </div>
  );
}
