import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { SandboxNetworkError } from "../errors";
import { checkAddress } from "./address-policy";

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Name → addresses. Tests pass one that maps made-up public names to a local server or a private address. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Raised for names that do not resolve: an ordinary network failure the guest sees (and may catch). */
export class DnsFailure extends Error {
  override name = "DnsFailure";
  constructor(
    message: string,
    /** The resolver's error code (ENOTFOUND: no such name; EAI_AGAIN: the DNS server did not answer now). */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Resolves `hostname` (or takes the IP literal as is) and checks *every* address: a name that resolves to both a
 * public and a private address is refused rather than trimmed, since it only exists to slip past a filter.
 * Returns the one address the connection will be pinned to, so a second lookup cannot rebind it.
 */
export async function resolvePinned(hostname: string, options: { resolver: Resolver; allowLoopback: boolean }): Promise<ResolvedAddress> {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  const literal = isIP(bare);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: bare, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await options.resolver(bare);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      throw new DnsFailure(`could not resolve ${bare}${code ? ` (${code})` : ""}`, code ?? "ENOTFOUND");
    }
  }
  if (addresses.length === 0) throw new DnsFailure(`${bare} has no addresses`, "ENODATA");
  for (const { address } of addresses) {
    const verdict = checkAddress(address, options.allowLoopback);
    if (!verdict.allowed) {
      const via = literal ? "" : ` (${bare} resolves to ${address})`;
      throw new SandboxNetworkError("address", `Refused to connect to ${literal ? address : bare}: ${verdict.label} address${via}.`);
    }
  }
  return addresses[0]!;
}
