"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { EmptyState } from "@/app/_components/empty-state";
import { FormError } from "@/app/_components/form-error";
import { PageHeader, Section } from "@/app/_components/page-header";
import { oauthReplyMessage } from "@/app/_lib/connection-form/oauth-popup";
import { canEdit } from "@/app/_lib/roles";
import type { SavedConnection } from "@/app/_components/connection-form/connection-form";
import { Button } from "@/app/_components/button";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { ConnectionRow } from "./connection-row";
import { NewConnection } from "./new-connection";

/** Lists the workspace's connections (which fields are set, never values) and adds new ones. */
export function ConnectionsPage({ connected, oauthError }: { connected?: string; oauthError?: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const list = useQuery(trpc.connection.list.queryOptions({ workspaceId: ws.id }));
  const justConnected = connected ? list.data?.find((c) => c.id === connected) : undefined;
  useReplyToOpener(connected, oauthError);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<SavedConnection | null>(null);

  return (
    <div className="space-y-6">
      <PageHeader title="Connections" description="Credentials your workflows use. They are encrypted, and never shown again after you save them." />
      <FormError message={oauthError} testId="oauth-error" />
      {justConnected && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-300">
          Connected “{justConnected.name}”.
        </p>
      )}
      {saved && (
        <p role="status" data-testid="connection-saved" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-300">
          Saved “{saved.name}”. {saved.tested ? "Connection tested: OK." : "Its integration has no connection test."}
        </p>
      )}
      {list.error && <FormError message={messageOf(list.error)} />}
      {list.data && list.data.length === 0 && <EmptyState title="No connections yet">Add one with “New connection” to use it in a workflow step.</EmptyState>}
      {list.data && list.data.length > 0 && (
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/40" aria-label="Connections">
          {list.data.map((c) => (
            <ConnectionRow key={c.id} connection={c} editable={canEdit(ws.role)} />
          ))}
        </ul>
      )}
      {canEdit(ws.role) &&
        (adding ? (
          <Section title="New connection">
            <NewConnection onSaved={(c) => (setSaved(c), setAdding(false))} />
          </Section>
        ) : (
          <Button onClick={() => (setSaved(null), setAdding(true))}>New connection</Button>
        ))}
    </div>
  );
}

/**
 * In the popup an editor's "connect new" opened for OAuth2 (the provider sent it back here): tell the editor how
 * it went and close. Only an opener of this origin is told (reading its location throws for any other).
 */
function useReplyToOpener(connected?: string, oauthError?: string) {
  useEffect(() => {
    if (!connected && !oauthError) return;
    const opener = window.opener as Window | null;
    if (!opener || opener === window) return;
    try {
      if (opener.location.origin !== window.location.origin) return;
    } catch {
      return;
    }
    opener.postMessage(oauthReplyMessage(connected ? { connectionId: connected } : { error: oauthError }), window.location.origin);
    window.close();
  }, [connected, oauthError]);
}
