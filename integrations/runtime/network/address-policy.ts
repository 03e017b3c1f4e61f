import { formatIp, inPrefix, isMappedV4, parseIp } from "./ip";

/**
 * Which resolved addresses an integration may connect to: only globally routable unicast. Everything else is an
 * SSRF target (the worker's own services, the cloud metadata endpoint, the office network) and is refused with
 * the name of the range, so the run view says *why*.
 */
type Rule = { network: Uint8Array; bits: number; label: string; embeddedV4?: (bytes: Uint8Array) => Uint8Array };

const v4 = (cidr: string, label: string): Rule => {
  const [ip, bits] = cidr.split("/");
  return { network: parseIp(ip!)!, bits: 96 + Number(bits), label };
};
const v6 = (cidr: string, label: string, embeddedV4?: Rule["embeddedV4"]): Rule => {
  const [ip, bits] = cidr.split("/");
  return { network: parseIp(ip!)!, bits: Number(bits), label, embeddedV4 };
};
const mapTail = (bytes: Uint8Array) => toMapped(bytes.subarray(12, 16));
const map6to4 = (bytes: Uint8Array) => toMapped(bytes.subarray(2, 6));
function toMapped(four: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(four, 12);
  return out;
}

export const LOOPBACK = "loopback";

// Order matters: the first match names the refusal (metadata before link-local / unique-local).
const RULES: Rule[] = [
  v4("169.254.169.254/32", "cloud metadata"),
  v4("0.0.0.0/8", "unspecified (this network)"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "carrier-grade NAT"),
  v4("127.0.0.0/8", LOOPBACK),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "IETF protocol assignments"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.88.99.0/24", "6to4 relay"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "benchmarking"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
  v6("fd00:ec2::254/128", "cloud metadata"),
  v6("::/128", "unspecified"),
  v6("::1/128", LOOPBACK),
  // Deprecated (RFC 4291); nothing legitimate resolves to one, whatever IPv4 address it carries.
  v6("::/96", "IPv4-compatible (deprecated)"),
  v6("64:ff9b::/96", "NAT64", mapTail),
  v6("64:ff9b:1::/48", "local NAT64"),
  v6("::/8", "reserved"),
  v6("100::/64", "discard-only"),
  v6("2001::/23", "IETF protocol assignments"),
  v6("2001:db8::/32", "documentation"),
  v6("2002::/16", "6to4", map6to4),
  v6("3fff::/20", "documentation"),
  v6("fc00::/7", "unique-local (private)"),
  v6("fe80::/10", "link-local"),
  v6("fec0::/10", "site-local"),
  v6("ff00::/8", "multicast"),
];

export type AddressVerdict = { allowed: true } | { allowed: false; label: string };

/**
 * Checks one IP address (text as DNS or the URL parser produces it). `allowLoopback` admits only the loopback
 * ranges, for tests against a local server; every other private range stays refused.
 */
export function checkAddress(address: string, allowLoopback = false): AddressVerdict {
  const bytes = parseIp(address);
  if (!bytes) return { allowed: false, label: "not an IP address" };
  return checkBytes(bytes, allowLoopback, 0);
}

function checkBytes(bytes: Uint8Array, allowLoopback: boolean, depth: number): AddressVerdict {
  for (const rule of RULES) {
    // IPv4 rules judge IPv4(-mapped) addresses and IPv6 rules the rest (::/8 must not swallow ::ffff:8.8.8.8).
    if (isMappedV4(rule.network) !== isMappedV4(bytes)) continue;
    if (!inPrefix(bytes, rule.network, rule.bits)) continue;
    if (rule.embeddedV4 && depth === 0) {
      // An address that tunnels an IPv4 address is judged by the address it carries.
      const inner = checkBytes(rule.embeddedV4(bytes), allowLoopback, depth + 1);
      return inner.allowed ? inner : { allowed: false, label: `${rule.label} address carrying ${inner.label} ${formatIp(rule.embeddedV4(bytes))}` };
    }
    if (rule.label === LOOPBACK && allowLoopback) return { allowed: true };
    return { allowed: false, label: rule.label };
  }
  return { allowed: true };
}
