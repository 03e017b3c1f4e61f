"use client";
import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/app/_components/spinner";
import { fieldErrorsOf, messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useDebounced } from "./use-debounced";

/** One time, written in the schedule's timezone (what the cron means) with the viewer's own time beside it. */
function When({ date, timezone }: { date: Date; timezone: string }) {
  const inZone = new Intl.DateTimeFormat(undefined, { timeZone: timezone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(date);
  const local = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(date);
  return (
    <li className="flex items-baseline justify-between gap-3">
      <time dateTime={date.toISOString()} className="font-medium tabular-nums">
        {inZone}
      </time>
      <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400" title="Your local time">
        {local}
      </span>
    </li>
  );
}

/**
 * The next five times a schedule trigger fires, computed by the server the way Temporal reads the cron
 * (five fields, day-of-month AND day-of-week). A bad cron or timezone is shown against its field.
 */
export function SchedulePreview({ workspaceId, cron, timezone }: { workspaceId: string; cron: string; timezone: string }) {
  const trpc = useTRPC();
  const input = useDebounced({ cron: cron.trim(), timezone: timezone.trim() || "UTC" }, 300);
  const preview = useQuery({ ...trpc.trigger.schedulePreview.queryOptions({ workspaceId, ...input }), enabled: input.cron.length > 0, retry: false });
  const fields = fieldErrorsOf(preview.error);
  return (
    <div data-testid="schedule-preview" aria-live="polite" className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Next runs ({input.timezone})</h3>
      {input.cron.length === 0 ? (
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">Enter a cron expression, e.g. <code className="font-mono text-xs">0 9 * * MON-FRI</code>.</p>
      ) : preview.isPending ? (
        <div className="mt-2 space-y-2" aria-label="Loading next runs">
          {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-4 w-full" />)}
        </div>
      ) : preview.error ? (
        <ul className="mt-2 space-y-1 text-red-600 dark:text-red-400" role="alert">
          {fields.cron?.map((m) => <li key={m}>Cron: {m}</li>)}
          {fields.timezone?.map((m) => <li key={m}>Timezone: {m}</li>)}
          {!fields.cron && !fields.timezone && <li>{messageOf(preview.error)}</li>}
        </ul>
      ) : (
        <ol className="mt-2 space-y-1">
          {preview.data.times.map((t) => <When key={t.toISOString()} date={t} timezone={preview.data.timezone} />)}
        </ol>
      )}
    </div>
  );
}
