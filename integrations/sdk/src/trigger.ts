import type { z } from "zod";
import { toJsonSchema } from "./action";
import type { ActionContext } from "./context";

/** The delivery a webhook trigger parses, after the platform verified it (raw body as text). */
export type WebhookRequest = { method: string; headers: Record<string, string>; query: Record<string, string>; body: string };

type TriggerContext<I> = ActionContext<I>;

type Base<I extends z.ZodType, O extends z.ZodType> = { key: string; name: string; description: string; input: I; output: O };

/**
 * A webhook trigger: `subscribe` registers the platform's URL with the third party when the workflow is
 * activated and returns state the platform keeps (e.g. the remote hook id) for `unsubscribe`; `parse` turns
 * one delivery into zero or more items, each starting a run.
 */
export type WebhookTrigger<I extends z.ZodType, O extends z.ZodType> = Base<I, O> & {
  kind: "webhook";
  /** Key of a manifest `webhooks` entry: how deliveries are verified before parse. */
  webhook?: string;
  subscribe?: (ctx: TriggerContext<z.output<I>> & { webhookUrl: string }) => Promise<unknown> | unknown;
  unsubscribe?: (ctx: TriggerContext<z.output<I>> & { webhookUrl: string; state: unknown }) => Promise<void> | void;
  parse: (ctx: TriggerContext<z.output<I>> & { request: WebhookRequest }) => Promise<z.input<O>[]> | z.input<O>[];
};

/**
 * A polling trigger: `poll` gets the cursor it returned last time (undefined on the first poll) and returns new
 * items and the next cursor; `dedupeKey` names an item so the platform starts one run per item even if a poll
 * returns it twice.
 */
export type PollingTrigger<I extends z.ZodType, O extends z.ZodType> = Base<I, O> & {
  kind: "polling";
  minIntervalSeconds?: number;
  poll: (ctx: TriggerContext<z.output<I>> & { cursor: unknown }) => Promise<{ items: z.input<O>[]; cursor: unknown }>;
  dedupeKey: (item: z.output<O>) => string;
};

export type TriggerDefinition<I extends z.ZodType, O extends z.ZodType> = WebhookTrigger<I, O> | PollingTrigger<I, O>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of triggers each with its own types
export type AnyTrigger = TriggerDefinition<any, any>;

export function defineTrigger<I extends z.ZodType, O extends z.ZodType>(def: TriggerDefinition<I, O>): TriggerDefinition<I, O> {
  return def;
}

export function triggerManifestOf(t: AnyTrigger) {
  const base = {
    key: t.key,
    name: t.name,
    description: t.description,
    input: toJsonSchema(t.input, "input", `triggers.${t.key}.input`),
    output: toJsonSchema(t.output, "output", `triggers.${t.key}.output`),
  };
  return t.kind === "webhook" ? { ...base, kind: t.kind, webhook: t.webhook } : { ...base, kind: t.kind, minIntervalSeconds: t.minIntervalSeconds };
}
