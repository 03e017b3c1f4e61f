import { defineAction } from "@junction/sdk";
import { z } from "zod";
import { deletePath, eachRecord, getPath, setPath } from "../common/paths";
import { fieldPath, objectOrList } from "../common/schemas";

export const renameFields = defineAction({
  key: "rename_fields",
  name: "Rename fields",
  description: "Moves fields to new names (dot paths) in an object or in each object of a list; other fields stay.",
  input: z.object({ data: objectOrList, renames: z.array(z.object({ from: fieldPath, to: fieldPath })).min(1) }),
  output: z.object({ result: objectOrList }),
  run({ input }) {
    const result = eachRecord(input.data, (item) => {
      const out = structuredCloneJson(item);
      for (const { from, to } of input.renames) {
        const value = getPath(item, from);
        if (value === undefined) continue;
        deletePath(out, from);
        setPath(out, to, value);
      }
      return out;
    });
    return { result };
  },
});

// No structuredClone in the sandbox; inputs are JSON anyway.
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
