import { defineAction } from "@junction/sdk";
import { z } from "zod";
import { evaluate } from "../common/evaluate";

export const runCode = defineAction({
  key: "run_code",
  name: "Run JavaScript",
  description: "Runs your JavaScript with the step's inputs and returns what it returns (must be JSON).",
  input: z.object({
    code: z.string().min(1).max(100_000).describe("The body of an async function; `inputs` and `log` are in scope. End with `return …`."),
    inputs: z.record(z.string(), z.unknown()).default({}),
  }),
  output: z.object({ result: z.unknown() }),
  async run({ input, log }) {
    return { result: await evaluate(input.code, input.inputs, log) };
  },
});
