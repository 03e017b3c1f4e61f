"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { borderClass, controlClass, describedBy, FieldShell } from "@/app/_components/schema-form/field-shell";
import { useTRPC } from "@/app/_trpc/react";
import type { CatalogEntry } from "@/server/integrations/catalog";
import { ConnectDialog } from "./connect-dialog";

type Props = {
  workspaceId: string;
  /** The integration's slug, name and the connection kinds its manifest declares (for "connect new"). */
  integration: string;
  integrationName: string;
  specs: CatalogEntry["connections"];
  value: unknown;
  onChange: (id: string | undefined) => void;
  error?: string;
  readOnly: boolean;
};

/**
 * The step's connection: the workspace's connections of this integration, or "Connect new…", which runs the
 * connection flow in a dialog over the editor (OAuth2 in a popup) and selects the new connection.
 */
export function ConnectionPicker({ workspaceId, integration, integrationName, specs, value, onChange, error, readOnly }: Props) {
  const trpc = useTRPC();
  const id = useId();
  const [connecting, setConnecting] = useState(false);
  const list = useQuery({ ...trpc.connection.list.queryOptions({ workspaceId }), refetchOnWindowFocus: true });
  const mine = (list.data ?? []).filter((c) => c.integrationSlug === integration);
  const current = typeof value === "string" ? value : "";
  const description = list.isPending ? "Loading connections…" : mine.length === 0 ? "No connection of this integration yet." : undefined;
  return (
    <FieldShell
      id={id}
      label="Connection"
      description={description}
      error={error}
      aside={
        !readOnly && (
          <button type="button" onClick={() => setConnecting(true)} className="text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Connect new…
          </button>
        )
      }
    >
      <select id={id} value={current} disabled={readOnly} onChange={(e) => onChange(e.target.value || undefined)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, description, error)} className={`${controlClass} h-9 pr-8 ${borderClass(error)}`}>
        <option value="">None</option>
        {current && !mine.some((c) => c.id === current) && <option value={current}>{list.isPending ? "Loading…" : "A connection not in this workspace"}</option>}
        {mine.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {!readOnly && <ConnectDialog open={connecting} onClose={() => setConnecting(false)} workspaceId={workspaceId} integration={integration} integrationName={integrationName} specs={specs} onConnected={(c) => onChange(c)} />}
    </FieldShell>
  );
}
