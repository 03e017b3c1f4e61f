import { isIPv6 } from "node:net";

/**
 * The caller's address as the ingest path knows it: the first X-Forwarded-For entry. Under `npm start` the edge
 * writes that header itself from the socket (or from a trusted proxy's chain, server/edge/client.ts), overwriting
 * whatever the client sent; `next start` listens on loopback behind it. Null when nobody set it.
 */
export function clientAddressOf(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
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
