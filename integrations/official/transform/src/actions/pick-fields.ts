import { defineAction } from "@junction/sdk";
import { z } from "zod";
import { getPath, eachRecord, setPath } from "../common/paths";
import { fieldPath, objectOrList } from "../common/schemas";

export const pickFields = defineAction({
  key: "pick_fields",
  name: "Pick fields",
  description: "Keeps only the listed fields (dot paths) of an object or of each object in a list.",
  input: z.object({ data: objectOrList, fields: z.array(fieldPath).min(1) }),
  output: z.object({ result: objectOrList }),
  run({ input }) {
    const result = eachRecord(input.data, (item) => {
      const out: Record<string, unknown> = {};
      for (const f of input.fields) {
        const value = getPath(item, f);
        if (value !== undefined) setPath(out, f, value);
      }
      return out;
    });
    return { result };
  },
});
