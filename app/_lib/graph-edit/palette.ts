import { isObject, type DocNode } from "./doc";

/**
 * What the editor's palette offers: the built-in triggers and steps, and each available integration's triggers
 * and actions (from the workspace's catalog), as entries that know the node they add. Pure, so the palette, the
 * command palette and the tests share one list and one search.
 */

/** The catalog as the palette reads it (server/integrations/catalog.ts `CatalogEntry`; triggers and icon may be absent). */
export type CatalogIntegration = {
  slug: string;
  name: string;
  version: string;
  description: string;
  icon?: string;
  actions: { key: string; name: string; description: string; input: Record<string, unknown> }[];
  triggers?: { key: string; name: string; description: string; kind: "webhook" | "polling"; input: Record<string, unknown> }[];
};

/** A node to add, without its id (made unique when added) and position (placed when added). */
export type NodeTemplate = Omit<DocNode, "id"> & { kind: string };

export type PaletteEntry = {
  /** Stable across renders: "builtin:branch_if", "http-request@1.2.0/action/send_request". */
  key: string;
  /** Which group it is listed under: "triggers", "builtin" or an integration's slug. */
  group: string;
  name: string;
  description: string;
  /** The integration's name (searched too); "Built-in" for the engine's own steps. */
  integration: string;
  /** The integration's icon as its manifest gives it (see paletteIcon); absent: a default icon. */
  icon?: string;
  trigger: boolean;
  template: NodeTemplate;
  /** What the new step's id is made from (then made unique). */
  idBase: string;
};

export type PaletteGroup = { key: string; name: string; icon?: string; entries: PaletteEntry[] };

const CORE = { integration: "core", version: "1" };

const BUILTIN_TRIGGERS: Omit<PaletteEntry, "group" | "integration" | "trigger" | "key">[] = [
  { name: "Manual trigger", description: "Runs when someone presses Run, or through the API.", template: { kind: "trigger", trigger: "manual" }, idBase: "start" },
  { name: "Webhook", description: "Runs when a request arrives at the workflow's webhook URL.", template: { kind: "trigger", trigger: "webhook" }, idBase: "webhook" },
  { name: "Schedule", description: "Runs on a cron schedule, in a timezone you choose.", template: { kind: "trigger", trigger: "schedule", schedule: { cron: "0 9 * * *", timezone: "UTC" } }, idBase: "schedule" },
];

const BUILTIN_STEPS: Omit<PaletteEntry, "group" | "integration" | "trigger" | "key">[] = [
  { name: "If", description: "Branches on a condition: a true and a false path.", template: { kind: "branch", mode: "if", expression: "" }, idBase: "if" },
  { name: "Switch", description: "Branches on a value: one path per case, and a default.", template: { kind: "branch", mode: "switch", expression: "", cases: [] }, idBase: "switch" },
  { name: "Loop", description: "Runs the steps after it once for each item of a list.", template: { kind: "loop", items: "", concurrency: 1 }, idBase: "loop" },
  { name: "Merge", description: "Waits for the paths into it (all, or the first) and goes on.", template: { kind: "merge", mode: "all" }, idBase: "merge" },
  { name: "Delay", description: "Waits for a while, or until a time.", template: { kind: "delay", durationMs: 60_000 }, idBase: "delay" },
  { name: "Stop", description: "Ends the run here, as a success or an error.", template: { kind: "stop", outcome: "success", message: "" }, idBase: "stop" },
  { name: "Set data", description: "Outputs its input: shape or transform data for later steps.", template: { kind: "action", action: { ...CORE, key: "set" }, input: {} }, idBase: "set" },
  { name: "Webhook response", description: "Answers a sync webhook's caller with a status, headers and body.", template: { kind: "action", action: { ...CORE, key: "webhook_response" }, input: {} }, idBase: "respond" },
  { name: "Fail", description: "Fails the run with a message (a guard).", template: { kind: "action", action: { ...CORE, key: "fail" }, input: { message: "" } }, idBase: "fail" },
];

/** A step id made from a name: snake_case, starting with a letter, at most 63 characters ("Send HTTP request" → send_http_request). */
export function idFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 50)
    .replace(/_+$/, "");
  return slug || "step";
}

/**
 * The input a new step starts with: every `default` the schema gives, at the top level and inside objects that
 * are required or have defaults of their own. Required fields without a default stay empty, for the form to ask.
 */
export function schemaDefaults(schema: unknown, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(schema) || !isObject(schema.properties) || depth > 8) return out;
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : []);
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (!isObject(prop)) continue;
    if (prop.default !== undefined) out[key] = structuredClone(prop.default);
    else if (isObject(prop.properties)) {
      const inner = schemaDefaults(prop, depth + 1);
      if (Object.keys(inner).length > 0 || required.has(key)) out[key] = inner;
    }
  }
  return out;
}

/** Every entry the palette lists, built-ins first, then the integrations in catalog order. */
export function paletteEntries(catalog: readonly CatalogIntegration[]): PaletteEntry[] {
  const out: PaletteEntry[] = [];
  for (const e of BUILTIN_TRIGGERS) out.push({ ...e, key: `builtin:${e.idBase}`, group: "triggers", integration: "Built-in", trigger: true });
  for (const e of BUILTIN_STEPS) out.push({ ...e, key: `builtin:${e.idBase}`, group: "builtin", integration: "Built-in", trigger: false });
  for (const i of catalog) {
    const ref = { integration: i.slug, version: i.version };
    const common = { group: i.slug, integration: i.name, ...(i.icon ? { icon: i.icon } : {}) };
    for (const t of i.triggers ?? []) {
      out.push({
        ...common,
        key: `${i.slug}@${i.version}/trigger/${t.key}`,
        name: t.name,
        description: t.description,
        trigger: true,
        template: { kind: "trigger", trigger: t.kind === "polling" ? "polling" : "app_webhook", app: { ...ref, key: t.key, config: schemaDefaults(t.input) } },
        idBase: idFromName(t.name),
      });
    }
    for (const a of i.actions) {
      out.push({
        ...common,
        key: `${i.slug}@${i.version}/action/${a.key}`,
        name: a.name,
        description: a.description,
        trigger: false,
        template: { kind: "action", action: { ...ref, key: a.key }, input: schemaDefaults(a.input) },
        idBase: idFromName(a.name),
      });
    }
  }
  return out;
}

/**
 * The entries matching a query, best first: every word must appear in the name, the integration's name or the
 * description; a name that starts with the query ranks above one that contains it, above a description match.
 */
export function searchPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const q = words.join(" ");
  const scored: { e: PaletteEntry; score: number; i: number }[] = [];
  entries.forEach((e, i) => {
    const name = e.name.toLowerCase();
    const integration = e.integration.toLowerCase();
    const haystack = `${name} ${integration} ${e.description.toLowerCase()}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const score = name.startsWith(q) ? 0 : name.includes(q) ? 1 : words.every((w) => name.includes(w) || integration.includes(w)) ? 2 : 3;
    scored.push({ e, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.e);
}

/** Entries grouped for display: triggers, built-in steps, then one group per integration (in first-seen order). */
export function groupPalette(entries: readonly PaletteEntry[]): PaletteGroup[] {
  const groups = new Map<string, PaletteGroup>();
  for (const e of entries) {
    let g = groups.get(e.group);
    if (!g) {
      const name = e.group === "triggers" ? "Triggers" : e.group === "builtin" ? "Built-in" : e.integration;
      g = { key: e.group, name, ...(e.icon ? { icon: e.icon } : {}), entries: [] };
      groups.set(e.group, g);
    }
    g.entries.push(e);
  }
  return [...groups.values()];
}

/**
 * How a manifest's icon may be shown: a data: URI of an image (nothing fetched from elsewhere), or a short text
 * such as an emoji; anything else gets the default icon.
 */
export function paletteIcon(icon: string | undefined): { image: string } | { text: string } | null {
  if (!icon) return null;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(icon)) return { image: icon };
  const chars = [...icon.trim()];
  return chars.length > 0 && chars.length <= 4 && !/[<>]/.test(icon) ? { text: icon.trim() } : null;
}
