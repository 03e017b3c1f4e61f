"use client";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { graphWithEntry, inputsSummary, type CatalogueEntry, type CatalogueIntegration } from "@/app/_lib/catalogue/catalogue";
import { messageOf } from "@/app/_trpc/errors";
import { useWorkflowActions } from "@/app/(app)/w/[workspaceId]/_workflows/use-workflow-actions";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

const TRIGGER_KIND: Record<string, string> = { webhook: "Sent by the service", polling: "Checked on a schedule" };

/**
 * One trigger or action: what it does, what it takes, and (for editors) a new workflow that starts with it, opened
 * in the editor.
 */
export function EntryRow({ integration, item }: { integration: CatalogueIntegration; item: CatalogueEntry }) {
  const ws = useWorkspace();
  const { create } = useWorkflowActions(ws.id);
  const { entry } = item;
  const start = () => create.mutate({ workspaceId: ws.id, name: `${integration.name}: ${entry.name}`.slice(0, 120), graph: graphWithEntry(entry) });
  return (
    <li data-testid={`entry-${entry.key}`} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-start">
      <div className="min-w-0 flex-1">
        <h3 className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {entry.name}
          {item.triggerKind && <Badge tone="neutral">{TRIGGER_KIND[item.triggerKind] ?? item.triggerKind}</Badge>}
        </h3>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{entry.description}</p>
        <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">
          <span className="font-medium text-zinc-600 dark:text-zinc-300">{entry.trigger ? "Settings" : "Input"}:</span> {inputsSummary(item.input)}
        </p>
        {create.error && (
          <div className="mt-2">
            <FormError message={messageOf(create.error)} />
          </div>
        )}
      </div>
      {ws.canEdit && (
        <Button variant="secondary" size="sm" pending={create.isPending} onClick={start} aria-label={`Use in a new workflow: ${entry.name}`}>
          Use in a new workflow
        </Button>
      )}
    </li>
  );
}
