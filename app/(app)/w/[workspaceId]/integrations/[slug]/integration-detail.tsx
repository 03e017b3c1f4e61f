"use client";
import Link from "next/link";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { ArrowLeftIcon } from "@/app/_components/icons";
import { IntegrationIcon } from "@/app/_components/integration-icon";
import { Section } from "@/app/_components/page-header";
import { Skeleton } from "@/app/_components/spinner";
import { connectionSummary, entriesOf, type CatalogueIntegration } from "@/app/_lib/catalogue/catalogue";
import { messageOf } from "@/app/_trpc/errors";
import { useCatalogue } from "@/app/(app)/w/[workspaceId]/_integrations/use-catalogue";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { EntryRow } from "./entry-row";

/** One integration of the catalogue: how it connects, and each trigger and action with what it takes. */
export function IntegrationDetail({ slug }: { slug: string }) {
  const ws = useWorkspace();
  const catalog = useCatalogue(ws.id);
  const integration = catalog.data?.find((i) => i.slug === slug);
  const back = (
    <Link href={`/w/${ws.id}/integrations`} className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
      <ArrowLeftIcon className="size-4" /> All integrations
    </Link>
  );

  if (catalog.isPending) {
    return (
      <div className="space-y-6" aria-busy="true" aria-label="Loading the integration" data-testid="integration-loading">
        {back}
        <div className="flex gap-4">
          <Skeleton className="size-12 rounded-xl" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-6 w-48" />
            <Skeleton className="h-3.5 w-80 max-w-full" />
          </div>
        </div>
        <Skeleton className="h-40 w-full rounded-xl" />
      </div>
    );
  }
  if (catalog.isError || !integration) {
    return (
      <div className="space-y-6">
        {back}
        {catalog.isError ? (
          <EmptyState title="The integration could not load" action={<Button variant="secondary" onClick={() => catalog.refetch()}>Try again</Button>}>
            {messageOf(catalog.error)}
          </EmptyState>
        ) : (
          <EmptyState title="No such integration here">
            “{slug}” is not an official integration or one this workspace installed.
          </EmptyState>
        )}
      </div>
    );
  }
  return <Detail integration={integration} back={back} workspaceId={ws.id} />;
}

function Detail({ integration: i, back, workspaceId }: { integration: CatalogueIntegration; back: React.ReactNode; workspaceId: string }) {
  const entries = entriesOf(i);
  const triggers = entries.filter((e) => e.entry.trigger);
  const actions = entries.filter((e) => !e.entry.trigger);
  return (
    <div className="space-y-6">
      {back}
      <div className="flex items-start gap-4 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <span className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-zinc-100 ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
          <IntegrationIcon group={i.slug} icon={i.icon} className="size-6" />
        </span>
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {i.name}
            {i.official && <Badge tone="indigo">Official</Badge>}
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{i.description}</p>
          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-zinc-500 dark:text-zinc-400">Version</dt>
              <dd className="font-mono">{i.version}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-zinc-500 dark:text-zinc-400">Connects with</dt>
              <dd data-testid="integration-connection">{connectionSummary(i.connections)}</dd>
            </div>
          </dl>
        </div>
      </div>
      {i.connections.length > 0 && (
        <Section
          title="Connection"
          description={
            <>
              How its steps sign in to the service. Add one on{" "}
              <Link href={`/w/${workspaceId}/connections`} className="font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400">
                Connections
              </Link>
              , or from a step in the editor.
            </>
          }
        >
          <ul className="space-y-2 text-sm">
            {i.connections.map((c) => (
              <li key={`${c.kind}:${c.name}`}>
                <span className="font-medium">{c.name}</span>
                {c.kind !== "custom" && <span className="text-zinc-500 dark:text-zinc-400"> · {connectionSummary([c])}</span>}
                {c.description && <p className="text-zinc-600 dark:text-zinc-400">{c.description}</p>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {triggers.length > 0 && (
        <EntrySection title="Triggers" description="Start a workflow when something happens in the service.">
          {triggers.map((e) => (
            <EntryRow key={e.entry.key} integration={i} item={e} />
          ))}
        </EntrySection>
      )}
      <EntrySection title="Actions" description="Steps a workflow runs.">
        {actions.length === 0 ? (
          <li className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">This integration has no actions.</li>
        ) : (
          actions.map((e) => <EntryRow key={e.entry.key} integration={i} item={e} />)
        )}
      </EntrySection>
    </div>
  );
}

function EntrySection({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{title}</h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">{children}</ul>
    </section>
  );
}
