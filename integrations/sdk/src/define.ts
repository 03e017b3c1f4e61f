import type { AnyAction } from "./action";
import type { ConnectionDefinition } from "./connection";
import type { ManifestInput } from "./manifest";
import type { AnyTrigger } from "./trigger";

export { defineAction, type ActionDefinition, type AnyAction, type Option, type OptionsContext, type OptionsLoader } from "./action";

export type IntegrationInput = Omit<ManifestInput, "actions" | "triggers" | "connections"> & {
  actions?: AnyAction[];
  triggers?: AnyTrigger[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each connection has its own value type
  connections?: ConnectionDefinition<any>[];
};

export type Integration = {
  readonly id: string;
  readonly actions: Readonly<Record<string, AnyAction>>;
  readonly triggers: Readonly<Record<string, AnyTrigger>>;
  readonly connections: Readonly<Record<string, ConnectionDefinition>>;
  /** What was passed to defineIntegration; manifestOf() turns it into the validated manifest. */
  readonly definition: IntegrationInput;
};

function byKey<T extends { key: string }>(list: T[], what: string, id: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of list) {
    if (Object.hasOwn(out, item.key)) throw new Error(`${what} key "${item.key}" is defined twice in ${id}`);
    out[item.key] = item;
  }
  return out;
}

/**
 * The integration's implementations by key. The manifest is a separate step (manifestOf) on purpose: the
 * bundle's top level runs again in every fresh sandbox context, and with the SDK marked side-effect free the
 * bundler leaves the manifest schemas out of the sandbox bundle entirely (about 5 ms a run saved).
 */
export function defineIntegration(def: IntegrationInput): Integration {
  const actions = byKey(def.actions ?? [], "Action", def.id);
  const triggers = byKey(def.triggers ?? [], "Trigger", def.id);
  const connections = byKey(def.connections ?? [], "Connection", def.id);
  return { id: def.id, actions, triggers, connections, definition: def };
}
