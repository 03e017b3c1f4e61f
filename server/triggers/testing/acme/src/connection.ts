import { defineConnection } from "@junction/sdk";

export const acmeAccount = defineConnection({ kind: "api_key", key: "account", name: "Acme account" });
