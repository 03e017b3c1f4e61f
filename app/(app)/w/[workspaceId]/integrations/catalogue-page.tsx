"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { IntegrationsIcon, SearchIcon } from "@/app/_components/icons";
import { IntegrationIcon } from "@/app/_components/integration-icon";
import { PageHeader } from "@/app/_components/page-header";
import { Skeleton } from "@/app/_components/spinner";
import { connectionSummary, entriesOf, searchCatalogue, type CatalogueMatch, type CatalogueIntegration } from "@/app/_lib/catalogue/catalogue";
import type { PaletteEntry } from "@/app/_lib/graph-edit/palette";
import { messageOf } from "@/app/_trpc/errors";
import { useCatalogue } from "@/app/(app)/w/[workspaceId]/_integrations/use-catalogue";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Every integration the workspace's workflows can use (official and installed), searchable down to their actions and triggers. */
export function CataloguePage() {
  const ws = useWorkspace();
  const catalog = useCatalogue(ws.id);
  const [query, setQuery] = useState("");
  const searchId = useId();
  const matches = catalog.data ? searchCatalogue(catalog.data, query) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={ws.name}
        title="Integrations"
        description="What your workflows can use: the official integrations and the ones this workspace installed, with their triggers and actions."
      />
      <div className="relative max-w-md">
        <label htmlFor={searchId} className="sr-only">
          Search integrations, triggers and actions
        </label>
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Search integrations, triggers and actions"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="block h-9 w-full rounded-md border border-zinc-300 bg-white pr-2.5 pl-8 text-sm shadow-sm placeholder:text-zinc-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/40 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
      </div>
      {catalog.isPending ? (
        <CatalogueSkeleton />
      ) : catalog.isError ? (
        <EmptyState title="Integrations could not load" action={<Button variant="secondary" onClick={() => catalog.refetch()}>Try again</Button>}>
          {messageOf(catalog.error)}
        </EmptyState>
      ) : catalog.data.length === 0 ? (
        <EmptyState icon={<IntegrationsIcon className="size-6" />} title="No integrations yet">
          This workspace has no official or installed integrations. Built-in steps (If, Loop, Delay, Set data…) are always in the editor&apos;s palette.
        </EmptyState>
      ) : matches.length === 0 ? (
        <EmptyState icon={<SearchIcon className="size-6" />} title={`Nothing matches “${query.trim()}”`} action={<Button variant="secondary" onClick={() => setQuery("")}>Clear the search</Button>}>
          Search looks in integration names and descriptions, and in what their triggers and actions do.
        </EmptyState>
      ) : (
        <>
          <p role="status" data-testid="catalogue-count" className="text-sm text-zinc-600 dark:text-zinc-400">
            {query.trim() ? `${plural(matches.length, "integration")} match “${query.trim()}”` : plural(matches.length, "integration")}
          </p>
          <ul aria-label="Integrations" className="grid gap-4 md:grid-cols-2">
            {matches.map((m) => (
              <IntegrationCard key={m.integration.slug} match={m} href={`/w/${ws.id}/integrations/${encodeURIComponent(m.integration.slug)}`} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function IntegrationCard({ match, href }: { match: CatalogueMatch<CatalogueIntegration>; href: string }) {
  const i = match.integration;
  const triggers = i.triggers?.length ?? 0;
  return (
    <li data-testid={`integration-${i.slug}`} className="relative flex flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition-colors hover:border-indigo-300 dark:border-zinc-800 dark:bg-zinc-900/40 dark:hover:border-indigo-700">
      <div className="flex items-start gap-3">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-zinc-100 ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700">
          <IntegrationIcon group={i.slug} icon={i.icon} className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
            {/* The whole card is the link's target (the ::after covers it); the name is its accessible text. */}
            <Link href={href} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-indigo-500">
              {i.name}
            </Link>
            {i.official && <Badge tone="indigo">Official</Badge>}
            <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">v{i.version}</span>
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{i.description}</p>
        </div>
      </div>
      <EntryNames label={match.entries.length > 0 ? "Matches" : triggers > 0 ? "Triggers and actions" : "Actions"} entries={match.entries.length > 0 ? match.entries : entriesOf(i).map((e) => e.entry)} />
      <dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-3 text-xs text-zinc-600 dark:text-zinc-400">
        <div className="flex gap-1">
          <dt className="sr-only">Offers</dt>
          <dd>{[triggers > 0 ? plural(triggers, "trigger") : null, plural(i.actions.length, "action")].filter(Boolean).join(" · ")}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Connects with:</dt>
          <dd>{connectionSummary(i.connections)}</dd>
        </div>
      </dl>
    </li>
  );
}

const SHOWN_ENTRIES = 6;

/** A few of the integration's triggers and actions by name (the search's matches while searching). */
function EntryNames({ label, entries }: { label: string; entries: PaletteEntry[] }) {
  const id = useId();
  if (entries.length === 0) return null;
  const more = entries.length - SHOWN_ENTRIES;
  return (
    <div className="mt-3">
      <p id={id} className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {label}
      </p>
      <ul aria-labelledby={id} className="flex flex-wrap gap-1.5">
        {entries.slice(0, SHOWN_ENTRIES).map((e) => (
          <li key={e.key} className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            {e.trigger && <span className="sr-only">Trigger: </span>}
            {e.trigger && <span aria-hidden className="mr-1 text-violet-600 dark:text-violet-400">⚡</span>}
            {e.name}
          </li>
        ))}
        {more > 0 && <li className="px-1 py-0.5 text-xs text-zinc-500 dark:text-zinc-400">+{more} more</li>}
      </ul>
    </div>
  );
}

function CatalogueSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading integrations" data-testid="integrations-loading" className="grid gap-4 md:grid-cols-2">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <Skeleton className="size-10 rounded-lg" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-3 w-full" />
            <Skeleton className="h-3 w-40" />
          </div>
        </div>
      ))}
    </div>
  );
}
