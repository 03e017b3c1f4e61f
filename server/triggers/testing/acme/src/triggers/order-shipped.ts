import { defineTrigger } from "@junction/sdk";
import { z } from "zod";
import { acmeClient } from "../common/client";
import { acmeAccount } from "../connection";

const delivery = z.object({ event: z.string(), orders: z.array(z.object({ id: z.number(), carrier: z.string() })) });

/** Acme's webhooks: one delivery may carry several shipped orders; each becomes an item (and a run). */
export const orderShipped = defineTrigger({
  kind: "webhook",
  key: "order_shipped",
  name: "Order shipped",
  description: "Starts a run for every order Acme ships",
  webhook: "acme_signature",
  input: z.object({ baseUrl: z.string() }),
  output: z.object({ orderId: z.number(), carrier: z.string() }),
  subscribe: async ({ input, connection, http, webhookUrl, webhookSecret }) => {
    const { apiKey } = acmeAccount.parse(connection);
    const hook = await acmeClient(http, input.baseUrl, apiKey).createHook(webhookUrl, webhookSecret);
    return { hookId: hook.id };
  },
  unsubscribe: async ({ input, connection, http, state }) => {
    const { apiKey } = acmeAccount.parse(connection);
    await acmeClient(http, input.baseUrl, apiKey).deleteHook((state as { hookId: string }).hookId);
  },
  parse: ({ request }) => {
    const body = delivery.parse(JSON.parse(request.body));
    return body.event === "order.shipped" ? body.orders.map((o) => ({ orderId: o.id, carrier: o.carrier })) : [];
  },
});
