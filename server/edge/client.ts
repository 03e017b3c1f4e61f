import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { peerAddress } from "./node-fetch";

/** Who is calling, as the edge passes it on (X-Forwarded-For/-Proto/-Host to Next.js, `trigger.ip` to a run). */
export type Caller = { ip: string | undefined; proto: "http" | "https"; host: string | undefined; port: string | undefined };

/**
 * TRUST_PROXY (formerly JUNCTION_TRUSTED_PROXIES, still read when TRUST_PROXY is unset): the reverse proxies (TLS
 * terminators, load balancers) in front of the edge, as a comma-separated list of addresses or CIDR ranges
 * ("10.0.0.0/8, 192.0.2.7, ::1"). Unset: nobody is trusted, the socket's peer is the caller and forwarded headers
 * from outside are overwritten. A bad entry is an error naming it. The edge itself needs no entry: it is what
 * writes X-Forwarded-* for `next start`, which listens on loopback behind it.
 */
export function parseTrustedProxies(spec: string | undefined): BlockList | null {
  if (!spec?.trim()) return null;
  const list = new BlockList();
  for (const raw of spec.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address ?? "");
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || bits === "" || (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > max))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8 or 192.0.2.7)`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === null) list.addAddress(address!, type);
    else list.addSubnet(address!, prefix, type);
  }
  return list;
}

const trusts = (list: BlockList, ip: string) => {
  const family = isIP(ip);
  return family !== 0 && list.check(ip, family === 6 ? "ipv6" : "ipv4");
};

/** The last value of a header a proxy may have appended to ("a, b" → "b"). */
const lastValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v)?.split(",").at(-1)?.trim() || undefined;

/**
 * The caller of a request. From an untrusted peer: the peer, plain http, its Host, the edge's port. From a trusted
 * proxy: the right-most X-Forwarded-For entry that is not itself a trusted proxy (entries to its left were written
 * by the client and prove nothing), and the proxy's X-Forwarded-Proto, -Host and -Port.
 */
export function callerOf(req: IncomingMessage, trusted: BlockList | null): Caller {
  const peer = peerAddress(req);
  if (!trusted || !peer || !trusts(trusted, peer)) return { ip: peer, proto: "http", host: req.headers.host, port: req.socket.localPort ? String(req.socket.localPort) : undefined };
  const chain = (Array.isArray(req.headers["x-forwarded-for"]) ? req.headers["x-forwarded-for"].join(",") : (req.headers["x-forwarded-for"] ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let ip = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i]!.startsWith("::ffff:") ? chain[i]!.slice(7) : chain[i]!;
    // Not an address: the chain is unusable from here on; the last trusted hop is the best we know.
    if (!isIP(hop)) break;
    ip = hop;
    if (!trusts(trusted, hop)) break;
  }
  const proto = lastValue(req.headers["x-forwarded-proto"]);
  const port = lastValue(req.headers["x-forwarded-port"]);
  return { ip, proto: proto === "https" ? "https" : "http", host: lastValue(req.headers["x-forwarded-host"]) ?? req.headers.host, port: port && /^\d{1,5}$/.test(port) ? port : undefined };
}
