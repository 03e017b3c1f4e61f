"use client";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/app/_components/empty-state";
import { RelativeTime } from "@/app/_components/relative-time";
import { Skeleton } from "@/app/_components/spinner";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";

/** A mail's plain text with its addresses as links, as a mail client shows them. */
function Linked({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/\S+)/).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-indigo-600 underline dark:text-indigo-400">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function OutboxList() {
  const trpc = useTRPC();
  const outbox = useQuery(trpc.admin.outbox.queryOptions(undefined, { refetchInterval: 5000 }));
  if (outbox.isPending) {
    return (
      <div className="space-y-3" aria-busy="true" aria-label="Loading mail">
        {[0, 1].map((i) => (
          <Skeleton key={i} className="h-24 w-full" />
        ))}
      </div>
    );
  }
  if (outbox.isError) return <p className="text-sm text-red-600 dark:text-red-400">{messageOf(outbox.error)}</p>;
  const { smtp, mail } = outbox.data;
  return (
    <div className="space-y-4">
      {smtp && (
        <p role="status" className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          SMTP_URL is set, so new mail is sent and no longer kept here.
        </p>
      )}
      {mail.length === 0 ? (
        <EmptyState title="No mail yet">Password reset links and workspace invitations appear here when they are sent.</EmptyState>
      ) : (
        <ul aria-label="Mail" className="space-y-4">
          {mail.map((m) => (
            <li key={m.id} aria-label={`${m.subject}, to ${m.to}`} className="rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
              <div className="border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
                <div className="font-medium">{m.subject}</div>
                <div className="text-xs text-zinc-600 dark:text-zinc-400">
                  To {m.to} · <RelativeTime date={m.createdAt} />
                </div>
              </div>
              <div className="whitespace-pre-wrap px-5 py-4 text-sm">
                <Linked text={m.text} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
