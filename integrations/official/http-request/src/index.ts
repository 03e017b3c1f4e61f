import { defineIntegration } from "@junction/sdk";
import { sendRequest } from "./actions/send-request";
import { httpAuth } from "./connection";

export default defineIntegration({
  id: "http-request",
  name: "HTTP Request",
  version: "1.2.0",
  author: "Junction",
  description: "Send any HTTP request: method, headers, query, JSON/form/raw body, with optional auth.",
  longDescription: "Calls any public HTTP endpoint. Authentication comes from an HTTP authentication connection (bearer token, Basic, or an API key header); the response body is parsed as JSON when the server says it is JSON.",
  categories: ["core"],
  tags: ["http", "api", "rest", "webhook"],
  license: "Apache-2.0",
  // Users point it at any host; the sandbox's fetch guard still refuses private and internal addresses.
  permissions: { network: ["*"] },
  dependencies: { zod: "^4.6.7" },
  actions: [sendRequest],
  connections: [httpAuth],
  examples: [{ title: "Fetch a JSON document", action: "send_request", input: { method: "GET", url: "https://api.example.com/items/1" } }],
});
