import { defineAction } from "@junction/sdk";
import { z } from "zod";
import { getPath } from "../common/paths";
import { fieldPath, object } from "../common/schemas";

const operator = z.enum(["equals", "not_equals", "greater_than", "less_than", "contains", "starts_with", "exists", "not_exists"]);
type Condition = { field: string; operator: z.infer<typeof operator>; value?: unknown };

function holds(item: Record<string, unknown>, c: Condition): boolean {
  const v = getPath(item, c.field);
  switch (c.operator) {
    case "exists":
      return v !== undefined && v !== null;
    case "not_exists":
      return v === undefined || v === null;
    case "equals":
      return JSON.stringify(v) === JSON.stringify(c.value);
    case "not_equals":
      return JSON.stringify(v) !== JSON.stringify(c.value);
    case "greater_than":
    case "less_than": {
      // Numbers compare as numbers, anything else as text (ISO dates sort correctly as text).
      const [a, b] = typeof v === "number" && typeof c.value === "number" ? [v, c.value] : [String(v), String(c.value)];
      return c.operator === "greater_than" ? a > b : a < b;
    }
    case "contains":
      return Array.isArray(v) ? v.some((x) => JSON.stringify(x) === JSON.stringify(c.value)) : typeof v === "string" && v.includes(String(c.value));
    case "starts_with":
      return typeof v === "string" && v.startsWith(String(c.value));
  }
}

export const filterItems = defineAction({
  key: "filter_items",
  name: "Filter items",
  description: "Keeps the items of a list that meet all (or any) of the conditions.",
  input: z.object({
    items: z.array(object),
    conditions: z.array(z.object({ field: fieldPath, operator, value: z.unknown().optional() })).min(1),
    match: z.enum(["all", "any"]).default("all"),
  }),
  output: z.object({ items: z.array(object), count: z.number().int() }),
  run({ input }) {
    const keep = (item: Record<string, unknown>) =>
      input.match === "all" ? input.conditions.every((c) => holds(item, c)) : input.conditions.some((c) => holds(item, c));
    const items = input.items.filter(keep);
    return { items, count: items.length };
  },
});
