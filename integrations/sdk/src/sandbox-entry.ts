import type { z } from "zod";
import type { AnyAction } from "./action";
import type { SandboxContext } from "./context";
import type { Integration } from "./define";
import { InputValidationError, OutputValidationError, UnknownEntryError } from "./errors";
import type { AnyTrigger } from "./trigger";

type Entry = { run: (ctx: SandboxContext) => Promise<unknown> };
/** The registry the runtime reads: `globalThis.__junction` (integrations/runtime/README.md, "Bundle format"). */
export type SandboxRegistry = { actions: Record<string, Entry> };

/**
 * The bundle's registry, built from a defineIntegration result. The runtime only knows "run entry <key> with
 * ctx", so everything the platform may ask an integration to do is an entry:
 *   <action>                          run the action (input and output checked against its schemas)
 *   <action>:options:<field>          ctx.input = { input, search? } → Option[]
 *   connection:<key>:test             ctx.connection = candidate credentials → { ok: true }
 *   trigger:<key>:subscribe           ctx.input = { input, webhookUrl, webhookSecret } → state to keep
 *   trigger:<key>:unsubscribe         ctx.input = { input, webhookUrl, state }
 *   trigger:<key>:parse               ctx.input = { input, request } → items
 *   trigger:<key>:poll                ctx.input = { input, cursor } → { items: [{ dedupeKey, data }], cursor }
 * Validation runs here, inside the isolate, so a bad input never reaches integration code.
 */
export function toSandboxEntry(integration: Integration): SandboxRegistry {
  const actions: Record<string, Entry> = {};
  for (const action of Object.values(integration.actions)) {
    actions[action.key] = { run: (ctx) => runAction(action, ctx) };
    for (const [field, loader] of Object.entries(action.options ?? {}) as [string, NonNullable<AnyAction["options"]>[string]][]) {
      actions[`${action.key}:options:${field}`] = {
        run: async (ctx) => {
          const { input, search } = (ctx.input ?? {}) as { input?: Record<string, unknown>; search?: string };
          return loader!.load({ ...ctx, input: input ?? {}, search });
        },
      };
    }
  }
  for (const connection of Object.values(integration.connections)) {
    const test = connection.test;
    if (!test) continue;
    actions[`connection:${connection.key}:test`] = {
      run: async (ctx) => {
        await test({ ...ctx, connection: connection.parse(ctx.connection) });
        return { ok: true };
      },
    };
  }
  for (const trigger of Object.values(integration.triggers)) addTrigger(actions, trigger);
  return { actions };
}

async function runAction(action: AnyAction, ctx: SandboxContext): Promise<unknown> {
  const input = check(action.input, ctx.input, (issues) => new InputValidationError(action.key, issues));
  const output: unknown = await action.run({ ...ctx, input });
  return check(action.output, output, (issues) => new OutputValidationError(action.key, issues));
}

function check(schema: z.ZodType, value: unknown, error: (issues: z.core.$ZodIssue[]) => Error): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw error(result.error.issues);
  return result.data;
}

function addTrigger(actions: Record<string, Entry>, trigger: AnyTrigger): void {
  const name = `trigger:${trigger.key}`;
  const prepare = (ctx: SandboxContext) => {
    const args = (ctx.input ?? {}) as Record<string, unknown>;
    const input = check(trigger.input, args.input ?? {}, (issues) => new InputValidationError(name, issues));
    return { args, ctx: { ...ctx, input } };
  };
  const items = (list: unknown[]) => list.map((item) => check(trigger.output, item, (issues) => new OutputValidationError(name, issues)));
  if (trigger.kind === "polling") {
    actions[`${name}:poll`] = {
      run: async (raw) => {
        const { args, ctx } = prepare(raw);
        const result = await trigger.poll({ ...ctx, cursor: args.cursor });
        return { cursor: result.cursor ?? null, items: items(result.items).map((data) => ({ dedupeKey: trigger.dedupeKey(data), data })) };
      },
    };
    return;
  }
  const { subscribe, unsubscribe } = trigger;
  actions[`${name}:parse`] = {
    run: async (raw) => {
      const { args, ctx } = prepare(raw);
      return items(await trigger.parse({ ...ctx, request: args.request as Parameters<typeof trigger.parse>[0]["request"] }));
    },
  };
  if (subscribe) {
    actions[`${name}:subscribe`] = {
      run: async (raw) => {
        const { args, ctx } = prepare(raw);
        return (await subscribe({ ...ctx, webhookUrl: String(args.webhookUrl), webhookSecret: String(args.webhookSecret ?? "") })) ?? null;
      },
    };
  }
  if (unsubscribe) {
    actions[`${name}:unsubscribe`] = {
      run: async (raw) => {
        const { args, ctx } = prepare(raw);
        await unsubscribe({ ...ctx, webhookUrl: String(args.webhookUrl), state: args.state });
        return null;
      },
    };
  }
}

/** Looks up an entry, for tests and tools that call the registry directly. */
export function entryOf(registry: SandboxRegistry, key: string): Entry {
  const entry = Object.hasOwn(registry.actions, key) ? registry.actions[key] : undefined;
  if (!entry) throw new UnknownEntryError(`The integration defines no entry "${key}".`);
  return entry;
}
