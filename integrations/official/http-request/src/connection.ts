import { defineConnection } from "@junction/sdk";
import { z } from "zod";

/**
 * One connection kind with a `type`, because a step carries one connection and HTTP Request accepts any of
 * these; the client turns it into headers (actions never assemble auth headers).
 */
export const httpAuth = defineConnection({
  kind: "custom",
  key: "http_auth",
  name: "HTTP authentication",
  description: "A bearer token, a user name and password (Basic), or an API key sent in a header.",
  fields: z.discriminatedUnion("type", [
    z.object({ type: z.literal("bearer"), token: z.string().min(1) }),
    z.object({ type: z.literal("basic"), username: z.string().min(1), password: z.string() }),
    z.object({ type: z.literal("api_key"), headerName: z.string().regex(/^[A-Za-z0-9-]+$/).default("X-API-Key"), apiKey: z.string().min(1) }),
  ]),
});
