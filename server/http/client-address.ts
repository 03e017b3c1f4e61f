import { isIPv6 } from "node:net";

/** A fetch Request, or the plain header object next-auth hands to `authorize`. */
export type HeaderSource = Request | Record<string, string | string[] | undefined>;

function header(src: HeaderSource, name: string): string | null {
  if (src instanceof Request) return src.headers.get(name);
  const v = src[name];
  return (Array.isArray(v) ? v.join(",") : v) ?? null;
}

/**
 * The caller's address as the web app knows it: the first X-Forwarded-For entry. Under `npm start` the edge
 * writes that header itself from the socket (or from a TRUST_PROXY proxy's chain, server/edge/client.ts),
 * overwriting whatever the client sent; `next start` listens on loopback behind it. Null when nobody set it.
 */
export function clientAddressOf(src: HeaderSource): string | null {
  return header(src, "x-forwarded-for")?.split(",")[0]?.trim() || null;
}

/**
 * Whether the caller reached Junction over https: the edge's X-Forwarded-Proto, which is "https" only when a
 * TRUST_PROXY proxy (the TLS terminator) said so. Decides the Secure flag of cookies.
 */
export function reachedOverHttps(src: HeaderSource): boolean {
  return header(src, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/**
 * The unit one source is counted in: the address, or for IPv6 its /64 (one host usually holds a whole /64, so
 * counting single addresses would let it rotate through 2^64 of them).
 */
export function sourceKeyOf(address: string | null): string {
  if (!address) return "unknown";
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

function expandIPv6(address: string): string[] | null {
  const [head, tail, extra] = address.toLowerCase().split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail ("::ffff:1.2.3.4") is two groups; the /64 prefix never reaches it.
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes(".") ? 2 : 1), 0);
  const missing = tail === undefined ? 0 : 8 - width(left) - width(right);
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  return groups.length >= 4 ? groups.map((gr) => gr.replace(/^0+(?=.)/, "")) : null;
}
