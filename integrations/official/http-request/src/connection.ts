import { AuthenticationError, ConnectionError, defineConnection } from "@junction/sdk";
import { z } from "zod";
import { authHeaders } from "./common/auth-headers";

// Optional in every variant: the URL the connection test GETs with these credentials when the connection is saved.
// A regex, not z.url(): zod's URL check needs the URL class, which the sandbox does not have.
const checkUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, "must be an http:// or https:// URL")
  .optional()
  .meta({ title: "Check URL", description: "Optional: a URL Junction GETs with these credentials when you save, to check that they work." });

const fields = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bearer"), token: z.string().min(1), checkUrl }),
  z.object({ type: z.literal("basic"), username: z.string().min(1), password: z.string(), checkUrl }),
  z.object({ type: z.literal("api_key"), headerName: z.string().regex(/^[A-Za-z0-9-]+$/).default("X-API-Key"), apiKey: z.string().min(1), checkUrl }),
]);
export type HttpAuth = z.output<typeof fields>;

/**
 * One connection kind with a `type`, because a step carries one connection and HTTP Request accepts any of
 * these; the client turns it into headers (actions never assemble auth headers).
 */
export const httpAuth = defineConnection({
  kind: "custom",
  key: "http_auth",
  name: "HTTP authentication",
  description: "A bearer token, a user name and password (Basic), or an API key sent in a header.",
  fields,
  /**
   * Any host can be called, so there is nothing to check without a check URL (the test passes). With one, a
   * 401/403 answer means the credentials were refused; any other error status is reported as it came.
   */
  async test(ctx) {
    const parsed = fields.safeParse(ctx.connection);
    if (!parsed.success) throw new ConnectionError(`The connection is incomplete: ${parsed.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`);
    const auth = parsed.data;
    if (!auth.checkUrl) return;
    const res = await ctx.http.fetch(auth.checkUrl, { method: "GET", headers: authHeaders(auth) });
    if (res.ok) return;
    const said = (await res.text()).slice(0, 200);
    const answer = `GET ${auth.checkUrl} answered ${res.status} ${res.statusText}${said ? `: ${said}` : ""}`;
    if (res.status === 401 || res.status === 403) throw new AuthenticationError(`The server refused these credentials (${answer}).`);
    throw new ConnectionError(`The check URL did not answer with success (${answer}).`);
  },
});
