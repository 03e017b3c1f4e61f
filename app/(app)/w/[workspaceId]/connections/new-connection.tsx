"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ConnectionForm, type SavedConnection } from "@/app/_components/connection-form/connection-form";
import { FormError } from "@/app/_components/form-error";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

/**
 * A new connection: pick one of the integrations this workspace has that declares a connection (from their
 * manifests), then fill the form that integration's connection describes. Saving tests it; `onSaved` hears of it
 * once it passed (or there is no test).
 */
export function NewConnection({ onSaved }: { onSaved: (c: SavedConnection) => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const catalog = useQuery(trpc.integration.catalog.queryOptions({ workspaceId: ws.id }));
  const [slug, setSlug] = useState<string | null>(null);
  const connectable = (catalog.data ?? []).filter((i) => i.connections.length > 0);
  const chosen = connectable.find((i) => i.slug === slug);

  if (catalog.isPending) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading integrations…</p>;
  if (catalog.error) return <FormError message={messageOf(catalog.error)} />;
  if (connectable.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">None of this workspace&apos;s integrations needs a connection.</p>;
  if (!chosen) {
    return (
      <div className="space-y-2">
        <p id="pick-integration" className="text-sm text-zinc-600 dark:text-zinc-400">
          Choose the integration to connect:
        </p>
        <ul aria-labelledby="pick-integration" className="grid gap-2 sm:grid-cols-2">
          {connectable.map((i) => (
            <li key={i.slug}>
              <button
                type="button"
                onClick={() => setSlug(i.slug)}
                className="flex w-full flex-col items-start gap-0.5 rounded-lg border border-zinc-200 px-4 py-3 text-left hover:border-indigo-400 hover:bg-indigo-50/50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:hover:border-indigo-500 dark:hover:bg-indigo-950/30"
              >
                <span className="font-medium">{i.name}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{i.connections.map((c) => c.name).join(" · ")}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm">
          Integration: <span className="font-medium">{chosen.name}</span>
        </p>
        <Button size="sm" variant="ghost" onClick={() => setSlug(null)}>
          Choose another integration
        </Button>
      </div>
      <ConnectionForm key={chosen.slug} workspaceId={ws.id} integration={chosen.slug} integrationName={chosen.name} specs={chosen.connections} submitLabel="Save connection" onSaved={(c) => (setSlug(null), onSaved(c))} />
    </div>
  );
}
