import { defineIntegration } from "@junction/sdk";
import { filterItems } from "./actions/filter-items";
import { formatDateAction } from "./actions/format-date";
import { formatNumber } from "./actions/format-number";
import { mapItems } from "./actions/map-items";
import { pickFields } from "./actions/pick-fields";
import { renameFields } from "./actions/rename-fields";

export default defineIntegration({
  id: "transform",
  name: "Transform",
  version: "1.0.0",
  author: "Junction",
  description: "Reshape data without code: pick, rename, filter, map, and format dates and numbers.",
  longDescription: "Everyday data shaping between steps. Fields are addressed by dot paths (user.address.city, items.0.id).",
  categories: ["core"],
  tags: ["data", "transform", "filter", "map", "format"],
  license: "Apache-2.0",
  dependencies: { zod: "^4.6.7" },
  actions: [pickFields, renameFields, filterItems, mapItems, formatDateAction, formatNumber],
  examples: [{ title: "Keep the id and email", action: "pick_fields", input: { data: { id: 1, email: "a@example.com", password: "x" }, fields: ["id", "email"] } }],
});
