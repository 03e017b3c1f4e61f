import { z } from "zod";
import { parseManifest, type Manifest, type ManifestInput } from "./manifest";

/** What an action's run() receives. The sandbox runtime (integration-runtime issue) provides the rest of ctx. */
export type ActionContext<I> = { input: I };

export type ActionDefinition<I extends z.ZodType, O extends z.ZodType> = {
  key: string;
  name: string;
  description: string;
  input: I;
  output: O;
  run: (ctx: ActionContext<z.output<I>>) => Promise<z.input<O>> | z.input<O>;
};

export function defineAction<I extends z.ZodType, O extends z.ZodType>(def: ActionDefinition<I, O>): ActionDefinition<I, O> {
  return def;
}

type IntegrationInput = Omit<ManifestInput, "actions"> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action has its own input/output types
  actions?: ActionDefinition<any, any>[];
};

/**
 * Produces the validated manifest (input/output schemas exported as JSON Schema so the editor can render forms)
 * plus the action implementations keyed by action key.
 */
export function defineIntegration(def: IntegrationInput): { manifest: Manifest; actions: Record<string, ActionDefinition<z.ZodType, z.ZodType>> } {
  const actions = def.actions ?? [];
  const manifest = parseManifest({
    ...def,
    actions: actions.map((a) => ({
      key: a.key,
      name: a.name,
      description: a.description,
      input: z.toJSONSchema(a.input, { io: "input" }),
      output: z.toJSONSchema(a.output, { io: "output" }),
    })),
  });
  const seen = new Set<string>();
  for (const a of actions) {
    if (seen.has(a.key)) throw new Error(`Action key "${a.key}" is defined twice in ${manifest.id}`);
    seen.add(a.key);
  }
  return { manifest, actions: Object.fromEntries(actions.map((a) => [a.key, a])) };
}
