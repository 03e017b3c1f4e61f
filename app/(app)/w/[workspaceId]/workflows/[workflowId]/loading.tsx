import { Skeleton } from "@/app/_components/spinner";

export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading workflow" className="space-y-6">
      <Skeleton className="h-4 w-28" />
      <div className="space-y-2">
        <Skeleton className="h-7 w-64 max-w-full" />
        <Skeleton className="h-4 w-36" />
      </div>
      <Skeleton className="h-[420px] w-full rounded-xl" />
    </div>
  );
}
