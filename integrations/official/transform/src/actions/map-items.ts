import { defineAction } from "@junction/sdk";
import { z } from "zod";
import { getPath, setPath } from "../common/paths";
import { fieldPath, object } from "../common/schemas";

export const mapItems = defineAction({
  key: "map_items",
  name: "Map items",
  description: "Builds a new object for each item of a list: each output field takes the value at a path of the item, or a fixed value.",
  input: z.object({
    items: z.array(object),
    fields: z
      .array(z.object({ to: fieldPath, from: fieldPath.optional(), value: z.unknown().optional() }).refine((f) => (f.from === undefined) !== (f.value === undefined), "give either from (a path) or value (a constant)"))
      .min(1),
  }),
  output: z.object({ items: z.array(object) }),
  run({ input }) {
    const items = input.items.map((item) => {
      const out: Record<string, unknown> = {};
      for (const f of input.fields) setPath(out, f.to, f.from !== undefined ? (getPath(item, f.from) ?? null) : f.value);
      return out;
    });
    return { items };
  },
});
