import { createHash, timingSafeEqual } from "node:crypto";
import type { SignedIn } from "../auth/sessions";
import { log } from "../log";

/** How /api/metrics is opened: METRICS_TOKEN (a scraper's bearer token), METRICS_PUBLIC=1 (anyone). */
export type MetricsAccess = { token: string | undefined; public: boolean };

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compared as digests, so neither the token's length nor its prefix leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function refuse(status: 401 | 403 | 503, message: string): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="junction-metrics"';
  return Response.json({ error: message }, { status, headers });
}

/**
 * Why a request may not read the metrics (a response to send), or null when it may: the operator opened them, or
 * it carries `Authorization: Bearer $METRICS_TOKEN`, or a session of a platform admin. Metrics name procedures,
 * routes and volumes: they map the install for an attacker, so they are closed unless opened.
 */
export async function metricsRefusal(req: Request, access: MetricsAccess, signedIn: () => Promise<SignedIn>): Promise<Response | null> {
  if (access.public) return null;
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!bearer) return refuse(401, "The Authorization header must be 'Bearer <METRICS_TOKEN>'.");
    if (!access.token) return refuse(401, "This install has no METRICS_TOKEN set, so no bearer token is accepted; sign in as a platform admin, or ask the operator to set METRICS_TOKEN.");
    return sameToken(bearer, access.token) ? null : refuse(401, "The bearer token does not match METRICS_TOKEN.");
  }
  let who: SignedIn;
  try {
    who = await signedIn();
  } catch (err) {
    log.error({ err }, "metrics: session check failed");
    return refuse(503, "Your session could not be checked right now (is the database answering?); a scraper should use the METRICS_TOKEN bearer token.");
  }
  if (!who.user) return refuse(401, "Metrics need 'Authorization: Bearer <METRICS_TOKEN>' or a signed-in platform admin (METRICS_PUBLIC=1 opens them to anyone).");
  if (who.user.platformRole !== "admin") return refuse(403, "Metrics are for platform admins and for scrapers with the METRICS_TOKEN bearer token.");
  return null;
}
