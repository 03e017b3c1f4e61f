import { CSRF_HEADER, CSRF_HEADER_VALUE } from "./csrf-header";

/** Methods that change nothing (RFC 9110 "safe"): the CSRF check applies to every other one. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** "Host:port" lower-cased without the scheme's default port, so "https://x.example" and "x.example:443" agree. */
function normalHost(host: string): string {
  return host.trim().toLowerCase().replace(/:(80|443)$/, "");
}

/** The host part of an origin or URL ("https://a.example:8443/x" → "a.example:8443"); null when it is not one. */
function hostOfUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? normalHost(url.host) : null;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request must be refused as cross-site, or null when it may proceed.
 *
 * 1. It must carry `x-junction-csrf: 1` (csrf-header.ts), which only Junction's own scripts send.
 * 2. Its Origin, or without one its Referer, must name the host it was sent to: `X-Forwarded-Host` as the edge
 *    sets it (next start listens on loopback, so only the edge reaches it; server/edge/client.ts believes a
 *    client's value only from TRUST_PROXY), else `Host`, or one of the configured public URLs.
 *    With neither header the request is not from a browser page (browsers send Origin with every POST), and the
 *    custom header is all a CSRF defence needs.
 */
export function crossSiteProblem(req: Request, publicUrls: readonly (string | undefined)[]): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (req.headers.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    return `Refused: a change must carry the ${CSRF_HEADER} header that Junction's own pages send; HTML forms and other sites cannot.`;
  }
  const origin = req.headers.get("origin");
  const referer = req.headers.get("referer");
  const claimed = origin ?? referer;
  if (claimed === null) return null;
  const from = hostOfUrl(claimed);
  const to = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const allowed = new Set([to, ...publicUrls].filter((v): v is string => Boolean(v)).map((v) => (v.includes("://") ? hostOfUrl(v) : normalHost(v))));
  if (from !== null && allowed.has(from)) return null;
  const shown = from ?? (claimed.length > 100 ? `${claimed.slice(0, 100)}…` : claimed);
  return `Refused: this request comes from ${origin !== null ? "the origin" : "the page"} ${shown}, not from this Junction (${to ?? "unknown host"}). Changes are accepted only from Junction's own pages.`;
}
