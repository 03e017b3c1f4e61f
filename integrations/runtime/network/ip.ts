import { isIPv4, isIPv6 } from "node:net";

/**
 * Parses canonical IP text (what the URL parser and DNS hand us) into 16 bytes, IPv4 as IPv4-mapped IPv6
 * (::ffff:a.b.c.d), so one table of ranges covers both families. Returns null for anything else: callers treat
 * "not an IP" as "refuse", never as "probably fine".
 */
export function parseIp(text: string): Uint8Array | null {
  const host = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (isIPv4(host)) return mapped(ipv4Bytes(host));
  // Zone ids (fe80::1%eth0) name an interface on this machine; nothing legitimate needs one.
  if (!isIPv6(host) || host.includes("%")) return null;
  return ipv6Bytes(host);
}

function ipv4Bytes(text: string): number[] {
  return text.split(".").map((part) => Number(part));
}

function mapped(v4: number[]): Uint8Array {
  const bytes = new Uint8Array(16);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  bytes.set(v4, 12);
  return bytes;
}

function ipv6Bytes(text: string): Uint8Array {
  // An embedded IPv4 tail (::ffff:127.0.0.1) becomes two hextets first.
  let source = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(source);
  if (v4) {
    const [a, b, c, d] = ipv4Bytes(v4[1]!) as [number, number, number, number];
    source = source.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = source.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? 0 : 8 - headParts.length - tailParts.length;
  const hextets = [...headParts, ...Array<string>(zeros).fill("0"), ...tailParts];
  const bytes = new Uint8Array(16);
  hextets.forEach((hextet, i) => {
    const value = parseInt(hextet, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** Formats 16 bytes back to text, IPv4-mapped addresses as dotted quads (for messages and for connecting). */
export function formatIp(bytes: Uint8Array): string {
  if (isMappedV4(bytes)) return Array.from(bytes.subarray(12)).join(".");
  const hextets: string[] = [];
  for (let i = 0; i < 16; i += 2) hextets.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return hextets.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}

export function isMappedV4(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** True when the first `prefixBits` bits of `bytes` equal those of `network`. */
export function inPrefix(bytes: Uint8Array, network: Uint8Array, prefixBits: number): boolean {
  for (let bit = 0; bit < prefixBits; bit += 8) {
    const take = Math.min(8, prefixBits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const i = bit / 8;
    if ((bytes[i]! & mask) !== (network[i]! & mask)) return false;
  }
  return true;
}
