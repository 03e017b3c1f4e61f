import { defineTrigger } from "@junction/sdk";
import { z } from "zod";
import { acmeClient } from "../common/client";
import { acmeAccount } from "../connection";

/**
 * Polls Acme's order list. Acme's `after` is inclusive (it returns the last order again), so every poll
 * repeats one item: the platform's dedupe by key is what keeps that from starting a second run.
 */
export const newOrder = defineTrigger({
  kind: "polling",
  key: "new_order",
  name: "New order",
  description: "Starts a run for every new Acme order",
  minIntervalSeconds: 30,
  input: z.object({ baseUrl: z.string() }),
  output: z.object({ id: z.number(), total: z.number(), customer: z.string() }),
  poll: async ({ input, connection, http, cursor }) => {
    const { apiKey } = acmeAccount.parse(connection);
    const after = typeof cursor === "number" ? cursor : 0;
    const { orders } = await acmeClient(http, input.baseUrl, apiKey).listOrders(after);
    return { items: orders, cursor: orders.reduce((max, o) => Math.max(max, o.id), after) };
  },
  dedupeKey: (order) => `order-${order.id}`,
});
