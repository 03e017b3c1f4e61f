"use client";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/app/_components/badge";
import { RelativeTime } from "@/app/_components/relative-time";
import { Skeleton } from "@/app/_components/spinner";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/**
 * What the live trigger is doing: the schedule's next times as Temporal has them, the polling trigger's last
 * poll and error, or the URL an app webhook registered with the third party. Nothing while inactive.
 */
export function TriggerStatus({ workspaceId, workflowId }: { workspaceId: string; workflowId: string }) {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.trigger.status.queryOptions({ workspaceId, workflowId }), refetchInterval: 15_000 });
  if (status.isPending) return <Skeleton className="h-10 w-full" />;
  if (status.error) return <p className="text-sm text-red-600 dark:text-red-400" role="alert">{messageOf(status.error)}</p>;
  const { active, schedule, polling, appWebhook } = status.data;
  if (!active) return <p data-testid="trigger-status" className="text-sm text-zinc-600 dark:text-zinc-400">Inactive: turn the workflow on to start its trigger.</p>;
  return (
    <div data-testid="trigger-status" className="space-y-2 text-sm">
      {schedule && (
        <div>
          <p className="flex items-center gap-2">
            <Badge tone={schedule.paused ? "amber" : "green"} dot>{schedule.paused ? "Paused" : "Scheduled"}</Badge>
            <span className="text-zinc-600 dark:text-zinc-400">{schedule.recentActions} recent run{schedule.recentActions === 1 ? "" : "s"}</span>
          </p>
          {schedule.nextTimes[0] && <p className="mt-1">Next: <RelativeTime date={schedule.nextTimes[0]} /> ({schedule.timezone})</p>}
        </div>
      )}
      {polling && (
        <div>
          <p className="flex items-center gap-2">
            <Badge tone={polling.lastError ? "amber" : "green"} dot>{polling.lastError ? "Poll failing" : polling.seeded ? "Polling" : "Starting"}</Badge>
            <span className="text-zinc-600 dark:text-zinc-400">{polling.integration} · {polling.trigger} · every {polling.intervalSeconds} s</span>
          </p>
          {polling.lastPolledAt && <p className="mt-1">Last poll <RelativeTime date={polling.lastPolledAt} /></p>}
          {polling.lastError && <p className="mt-1 break-words text-red-600 dark:text-red-400">{polling.lastError}</p>}
        </div>
      )}
      {appWebhook && (
        <div>
          <p className="flex items-center gap-2">
            <Badge tone={appWebhook.status === "active" ? "green" : "amber"} dot>{appWebhook.status === "active" ? "Subscribed" : "Registering"}</Badge>
            <span className="text-zinc-600 dark:text-zinc-400">{appWebhook.integration} · {appWebhook.trigger}</span>
          </p>
          <p className="mt-1 break-all font-mono text-xs text-zinc-600 dark:text-zinc-400">{appWebhook.url}</p>
        </div>
      )}
      {!schedule && !polling && !appWebhook && <p className="text-zinc-600 dark:text-zinc-400">Active.</p>}
    </div>
  );
}
