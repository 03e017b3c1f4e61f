"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { borderClass, controlClass, describedBy, FieldShell } from "@/app/_components/schema-form/field-shell";
import { useTRPC } from "@/app/_trpc/react";

/**
 * The step's connection: the workspace's connections of this integration, or a link to make one (in a new tab,
 * so the draft being edited stays open; the list refreshes when the tab regains focus).
 */
export function ConnectionPicker({ workspaceId, integration, value, onChange, error, readOnly }: { workspaceId: string; integration: string; value: unknown; onChange: (id: string | undefined) => void; error?: string; readOnly: boolean }) {
  const trpc = useTRPC();
  const id = useId();
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
          <Link href={`/w/${workspaceId}/connections`} target="_blank" className="text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Connect new…
          </Link>
        )
      }
    >
      <select id={id} value={current} disabled={readOnly} onChange={(e) => onChange(e.target.value || undefined)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, description, error)} className={`${controlClass} h-9 pr-8 ${borderClass(error)}`}>
        <option value="">None</option>
        {current && !mine.some((c) => c.id === current) && <option value={current}>A connection not in this workspace</option>}
        {mine.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
