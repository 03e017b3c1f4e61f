import { z } from "zod";
import type { ActionContext } from "./context";

/** One choice of a dynamic-options field. */
export type Option = { label: string; value: string | number | boolean };

/** What an options loader sees: the fields filled in so far (unvalidated) and the user's search text. */
export type OptionsContext<I> = Omit<ActionContext<Partial<I>>, "input"> & { input: Partial<I>; search?: string };

/**
 * Choices for one input field, loaded live by the editor (e.g. "list channels"). `dependsOn` names the fields
 * that must be set first (the editor reloads when they change); `search` passes the user's text to `load`.
 */
export type OptionsLoader<I> = {
  dependsOn?: (keyof I & string)[];
  search?: boolean;
  load: (ctx: OptionsContext<I>) => Promise<Option[]> | Option[];
};

export type ActionDefinition<I extends z.ZodType, O extends z.ZodType> = {
  key: string;
  name: string;
  description: string;
  input: I;
  output: O;
  options?: { [F in keyof z.input<I> & string]?: OptionsLoader<z.input<I>> };
  run: (ctx: ActionContext<z.output<I>>) => Promise<z.input<O>> | z.input<O>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of actions each with its own types
export type AnyAction = ActionDefinition<any, any>;

export function defineAction<I extends z.ZodType, O extends z.ZodType>(def: ActionDefinition<I, O>): ActionDefinition<I, O> {
  return def;
}

/** JSON Schema for the editor's form; a schema JSON Schema cannot express is the author's bug, named here. */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output", where: string): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io }) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${where} cannot be expressed as JSON Schema: ${(err as Error).message}`, { cause: err });
  }
}

export function actionManifestOf(a: AnyAction) {
  const options = Object.entries((a.options ?? {}) as Record<string, OptionsLoader<unknown>>);
  return {
    key: a.key,
    name: a.name,
    description: a.description,
    input: toJsonSchema(a.input, "input", `actions.${a.key}.input`),
    output: toJsonSchema(a.output, "output", `actions.${a.key}.output`),
    dynamicOptions: options.map(([field, o]) => ({ field, dependsOn: (o.dependsOn ?? []) as string[], searchable: o.search ?? false })),
  };
}
