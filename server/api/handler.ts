import { TRPCError } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import { jsonLimits } from "../../db/json";
import { depthProblem, readBodyCapped, trpcBodyLimit } from "./body-limit";
import { log } from "../log";
import { contextForUser } from "./context";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

type Options = {
  requestId: string;
  /** The signed-in user's id, read from the session only once the request is known to be within limits. */
  userId: () => Promise<string | null>;
};

/**
 * tRPC over HTTP, as the Next.js route (app/api/trpc/[trpc]) serves it: the body is read with a byte cap and
 * its JSON depth measured on the text, before superjson parses it; a request over either limit is answered in
 * tRPC's own error shape (a batch gets one error per call), 413 or 400, with a message naming the limit, and
 * no procedure runs. Then the usual fetch adapter, on the body already read.
 */
export async function handleTrpc(req: Request, { requestId, userId }: Options): Promise<Response> {
  const url = new URL(req.url);
  let body: string | undefined;
  let error: TRPCError | null = null;
  if (req.method === "POST") {
    const read = await readBodyCapped(req, trpcBodyLimit());
    if (read.ok) body = read.text;
    else error = new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: read.message });
  }
  // A query's input is in the URL (capped by Node's header limit), a mutation's in the body: both are measured.
  const text = body ?? url.searchParams.get("input") ?? "";
  const tooDeep = error ? null : depthProblem(text, jsonLimits(), body === undefined ? "The request's input" : "The request body");
  if (tooDeep) error = new TRPCError({ code: "BAD_REQUEST", message: tooDeep });
  const forwarded = new Request(url, { method: req.method, headers: req.headers, body: error ? undefined : body, signal: req.signal });
  return resolveResponse({
    router: appRouter,
    req: forwarded,
    path: url.pathname.slice(TRPC_ENDPOINT.length).replace(/^\/|\/$/g, ""),
    error,
    createContext: async () => {
      try {
        return await contextForUser(await userId(), requestId);
      } catch (err) {
        // No context, so the error formatter cannot name the request: the log line and X-Request-Id do.
        log.error({ err, requestId }, "tRPC context failed");
        throw err;
      }
    },
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}
