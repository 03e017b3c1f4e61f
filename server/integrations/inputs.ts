import { z } from "zod";

/** Inputs of the integration procedures; messages name the field. */
const slug = z.string({ error: "Choose the integration" }).regex(/^[a-z][a-z0-9-]{1,63}$/, "An integration slug uses lowercase letters, digits and dashes");
const version = z.string({ error: "Give the integration version" }).regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, "A version looks like 1.2.3");
const key = z.string({ error: "Choose the action" }).regex(/^[a-z][a-z0-9_]{0,63}$/, "Action keys are snake_case");

export const optionsInput = z.object({
  integration: slug,
  version,
  action: key,
  field: z.string().min(1, "Say which field to load options for").max(200),
  /** The action's fields filled in so far; the loader reads its dependsOn fields from here. */
  input: z.record(z.string(), z.unknown()).default({}),
  search: z.string().max(200, "Search for at most 200 characters").optional(),
  connectionId: z.uuid("Not a connection id").optional(),
});
export type OptionsInput = z.infer<typeof optionsInput>;
