import { formEncode, withQuery, type ActionContext, type HttpResponse } from "@junction/sdk";
import { httpAuth } from "../connection";
import { authHeaders as headersOf } from "./auth-headers";

export type Body =
  | { type: "none" }
  | { type: "json"; data?: unknown }
  | { type: "form"; data: Record<string, unknown> }
  | { type: "raw"; data: string; contentType: string };

export type Request = { method: string; url: string; headers: Record<string, string>; query: Record<string, unknown>; body: Body };

/** The integration's one HTTP client: auth from the step's connection, body encoding, query string. */
export function createClient(ctx: Pick<ActionContext<unknown>, "http" | "connection">) {
  // No connection is fine: HTTP Request also calls public endpoints.
  const auth = ctx.connection === undefined || ctx.connection === null ? undefined : httpAuth.parse(ctx.connection);
  const authHeaders = auth === undefined ? {} : headersOf(auth);

  return {
    async send(req: Request): Promise<HttpResponse> {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
      let body: string | undefined;
      if (req.body.type === "json") {
        body = JSON.stringify(req.body.data ?? null);
        headers["content-type"] ??= "application/json";
      } else if (req.body.type === "form") {
        body = formEncode(req.body.data);
        headers["content-type"] ??= "application/x-www-form-urlencoded";
      } else if (req.body.type === "raw") {
        body = req.body.data;
        headers["content-type"] ??= req.body.contentType;
      }
      // The connection's credentials win over a same-named header typed into the step.
      Object.assign(headers, authHeaders);
      return ctx.http.fetch(withQuery(req.url, req.query), { method: req.method, headers, body });
    },
  };
}
