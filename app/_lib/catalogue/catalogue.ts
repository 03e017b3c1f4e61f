import { addStepOp, type Where } from "@/app/_lib/graph-edit/add-step";
import { isObject, type Doc } from "@/app/_lib/graph-edit/doc";
import { apply } from "@/app/_lib/graph-edit/ops";
import { paletteEntries, searchPalette, type CatalogIntegration, type PaletteEntry } from "@/app/_lib/graph-edit/palette";

/**
 * The catalogue page's reading of the workspace's catalog (integration.catalog, the list the editor's palette
 * offers): what each integration's actions and triggers take, how it connects, and search. Entries come from
 * palette.ts, so the page and the palette list, name and search the same things.
 */

/** A catalog integration as the page reads it: the palette's fields, plus whether it is official and how it connects. */
export type CatalogueIntegration = CatalogIntegration & { official: boolean; connections: readonly { kind: string; name: string; description?: string }[] };

/** A trigger or action of the catalogue: its palette entry, the JSON Schema of its input, and a trigger's kind. */
export type CatalogueEntry = { entry: PaletteEntry; input: unknown; triggerKind?: "webhook" | "polling" };

/** One integration's triggers, then its actions, as the palette lists them. */
export function entriesOf(integration: CatalogIntegration): CatalogueEntry[] {
  const specs = new Map<string, { input: unknown; kind?: "webhook" | "polling" }>();
  const ref = `${integration.slug}@${integration.version}`;
  for (const t of integration.triggers ?? []) specs.set(`${ref}/trigger/${t.key}`, { input: t.input, kind: t.kind });
  for (const a of integration.actions) specs.set(`${ref}/action/${a.key}`, { input: a.input });
  return paletteEntries([integration])
    .filter((e) => e.group === integration.slug)
    .map((entry) => {
      const spec = specs.get(entry.key);
      return { entry, input: spec?.input, ...(spec?.kind ? { triggerKind: spec.kind } : {}) };
    });
}

const KIND_LABEL: Record<string, string> = { api_key: "API key", basic: "Username and password", oauth2: "OAuth 2.0 sign-in" };

/**
 * How an integration connects, in words: "API key", "OAuth 2.0 sign-in or API key", or "No connection needed". A
 * custom kind is called by its own name ("HTTP authentication"): its fields are the integration's.
 */
export function connectionSummary(connections: readonly { kind: string; name: string }[]): string {
  const kinds = [...new Set(connections.map((c) => KIND_LABEL[c.kind] ?? c.name))];
  if (kinds.length === 0) return "No connection needed";
  return kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}`;
}

const SHOWN_FIELDS = 5;

/**
 * What an input schema asks for, in one line: its fields by title (else key), required ones first and marked,
 * "url (required), method, headers, +2 more"; "No input" when it has no fields.
 */
export function inputsSummary(schema: unknown): string {
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const required = new Set(isObject(schema) && Array.isArray(schema.required) ? schema.required : []);
  const fields = Object.entries(properties).map(([key, prop]) => {
    const title = isObject(prop) && typeof prop.title === "string" && prop.title.trim() ? prop.title.trim() : key;
    return { title, required: required.has(key) };
  });
  if (fields.length === 0) return "No input";
  const ordered = [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
  const shown = ordered.slice(0, SHOWN_FIELDS).map((f) => (f.required ? `${f.title} (required)` : f.title));
  const more = ordered.length - shown.length;
  return more > 0 ? `${shown.join(", ")}, +${more} more` : shown.join(", ");
}

export type CatalogueMatch<I extends CatalogIntegration> = { integration: I; entries: PaletteEntry[]; nameMatches: boolean };

/**
 * The integrations a query finds, in catalog order: those whose name or description has every word, and those with
 * a trigger or action the palette's search finds (listed in `entries`, best first). An empty query finds all.
 */
export function searchCatalogue<I extends CatalogIntegration>(catalog: readonly I[], query: string): CatalogueMatch<I>[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalog.map((integration) => ({ integration, entries: [], nameMatches: true }));
  const found = searchPalette(paletteEntries(catalog), query);
  const out: CatalogueMatch<I>[] = [];
  for (const integration of catalog) {
    const haystack = `${integration.name} ${integration.slug} ${integration.description}`.toLowerCase();
    const nameMatches = words.every((w) => haystack.includes(w));
    const entries = found.filter((e) => e.group === integration.slug);
    if (nameMatches || entries.length > 0) out.push({ integration, entries, nameMatches });
  }
  return out;
}

/**
 * The draft a workflow made for one catalog entry starts with, built as the palette would add it: a trigger alone;
 * an action after a manual trigger, so it can be run at once (choosing another trigger replaces the manual one and
 * keeps the connection: add-step.ts).
 */
export function graphWithEntry(entry: PaletteEntry): Doc {
  let doc: Doc = { schemaVersion: 1, nodes: [], edges: [] };
  const add = (e: PaletteEntry, where: Where) => {
    const added = addStepOp(doc, e, where);
    if (!added.ok) throw new Error(added.error);
    doc = apply(doc, added.op);
    return added.id;
  };
  if (entry.trigger) {
    add(entry, { free: true });
    return doc;
  }
  const manual = paletteEntries([]).find((e) => e.key === "builtin:start")!;
  add(entry, { after: add(manual, { free: true }) });
  return doc;
}
