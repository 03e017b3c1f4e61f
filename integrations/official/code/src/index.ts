import { defineIntegration } from "@junction/sdk";
import { runCode } from "./actions/run-code";

export default defineIntegration({
  id: "code",
  name: "Code",
  version: "1.0.0",
  author: "Junction",
  description: "Run your own JavaScript on the step's inputs, inside the sandbox.",
  longDescription: "Your code is the body of an async function with `inputs` (the mapped values) and `log` in scope; what it returns becomes the step's output. It runs in the same isolate and limits as every integration, with no network access.",
  categories: ["core"],
  tags: ["code", "javascript", "script"],
  license: "Apache-2.0",
  dependencies: { zod: "^4.6.7" },
  actions: [runCode],
  examples: [{ title: "Add two numbers", action: "run_code", input: { code: "return inputs.a + inputs.b;", inputs: { a: 1, b: 2 } }, output: { result: 3 } }],
});
