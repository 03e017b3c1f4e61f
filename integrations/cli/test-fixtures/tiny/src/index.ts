import { defineAction, defineConnection, defineIntegration, defineTrigger } from "@junction/sdk";
import { z } from "zod";

// A small package for the CLI's build tests: one action with dynamic options, a testable connection, a polling trigger.
const shout = defineAction({
  key: "shout",
  name: "Shout",
  description: "Upper-cases text",
  input: z.object({ text: z.string(), language: z.string().optional(), voice: z.string().optional() }),
  output: z.object({ text: z.string() }),
  options: {
    voice: {
      dependsOn: ["language"],
      search: true,
      load: ({ input, search }) =>
        ["loud", "louder", "loudest"].filter((v) => v.startsWith(search ?? "")).map((v) => ({ label: `${v} (${input.language ?? "any"})`, value: v })),
    },
  },
  run: ({ input }) => ({ text: input.text.toUpperCase() }),
});

const account = defineConnection({
  kind: "api_key",
  key: "account",
  name: "Tiny account",
  test: ({ connection }) => {
    if (!connection.apiKey.startsWith("tk_")) throw new Error("Tiny keys start with tk_");
  },
});

const counter = defineTrigger({
  kind: "polling",
  key: "counter",
  name: "Counter",
  description: "Emits the next two numbers",
  input: z.object({}),
  output: z.object({ n: z.number() }),
  poll: async ({ cursor }) => {
    const n = typeof cursor === "number" ? cursor : 0;
    return { items: [{ n: n + 1 }, { n: n + 2 }], cursor: n + 2 };
  },
  dedupeKey: (item) => String(item.n),
});

export default defineIntegration({ id: "tiny", name: "Tiny", version: "0.3.0", author: "Tests", description: "Test package", actions: [shout], connections: [account], triggers: [counter] });
