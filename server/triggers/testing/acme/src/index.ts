import { defineIntegration } from "@junction/sdk";
import { acmeAccount } from "./connection";
import { newOrder } from "./triggers/new-order";
import { orderShipped } from "./triggers/order-shipped";

/**
 * A test-only integration for the trigger tests: the third party is a loopback "Acme" server
 * (server/triggers/testing/acme-server.ts). Built with the CLI like any package.
 */
export default defineIntegration({
  id: "acme",
  name: "Acme",
  version: "1.0.0",
  author: "Junction tests",
  description: "Orders and shipping events from the Acme test server",
  connections: [acmeAccount],
  triggers: [newOrder, orderShipped],
  webhooks: [{ key: "acme_signature", verification: { kind: "hmac_sha256", header: "x-acme-signature", prefix: "sha256=", encoding: "hex" } }],
  permissions: { network: ["127.0.0.1"] },
});
