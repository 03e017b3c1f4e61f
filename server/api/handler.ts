import { TRPCError } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import { jsonLimits } from "../../db/json";
import { depthProblem, readBodyCapped, trpcBodyLimit } from "./body-limit";
import { crossSiteProblem } from "../http/csrf";
import { log } from "../log";
import type { SignedIn } from "../auth/sessions";
import { contextFor } from "./context";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

type Options = {
  requestId: string;
  /** Who the request is from (server/auth.ts currentUser), read only once the request is known to be within limits. */
  signedIn: () => Promise<SignedIn>;
  /** The configured public URLs (NEXTAUTH_URL, JUNCTION_PUBLIC_URL): their hosts are accepted origins too. */
  publicUrls?: readonly (string | undefined)[];
};

/**
 * tRPC over HTTP, as the Next.js route (app/api/trpc/[trpc]) serves it: the body is read with a byte cap and
 * its JSON depth measured on the text, before superjson parses it; a request over either limit is answered in
 * tRPC's own error shape (a batch gets one error per call), 413 or 400, with a message naming the limit, and
 * no procedure runs. Before that, a mutation from another site (server/http/csrf.ts) is refused with 403 the same
 * way, unread. Then the usual fetch adapter, on the body already read.
 */
export async function handleTrpc(req: Request, { requestId, signedIn, publicUrls = [] }: Options): Promise<Response> {
  const url = new URL(req.url);
  let body: string | undefined;
  const crossSite = crossSiteProblem(req, publicUrls);
  let error: TRPCError | null = crossSite ? new TRPCError({ code: "FORBIDDEN", message: crossSite }) : null;
  if (req.method === "POST" && !error) {
    const read = await readBodyCapped(req, trpcBodyLimit());
    if (read.ok) body = read.text;
    else error = new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: read.message });
  }
  // A query's input is in the URL (capped by Node's header limit), a mutation's in the body: both are measured.
  const text = body ?? url.searchParams.get("input") ?? "";
  const tooDeep = error ? null : depthProblem(text, jsonLimits(), body === undefined ? "The request's input" : "The request body");
  if (tooDeep) error = new TRPCError({ code: "BAD_REQUEST", message: tooDeep });
  // Refused unread: its declared type no longer matters, and tRPC would otherwise answer a form's with 415, not the refusal.
  const headers = new Headers(req.headers);
  if (error && req.method === "POST") headers.set("content-type", "application/json");
  const forwarded = new Request(url, { method: req.method, headers, body: error ? undefined : body, signal: req.signal });
  return resolveResponse({
    router: appRouter,
    req: forwarded,
    path: url.pathname.slice(TRPC_ENDPOINT.length).replace(/^\/|\/$/g, ""),
    error,
    createContext: async () => {
      try {
        return contextFor(await signedIn(), requestId);
      } catch (err) {
        // No context, so the error formatter cannot name the request: the log line and X-Request-Id do.
        log.error({ err, requestId }, "tRPC context failed");
        throw err;
      }
    },
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}
