/**
 * Matches a URL's hostname against the hosts an integration declared in its manifest (`permissions.network`):
 *   "api.github.com"  exactly that host
 *   "*.example.com"   any subdomain at any depth (a.example.com, a.b.example.com), not example.com itself
 *   "*"               any host; the address policy still refuses private and loopback addresses
 * IP literals match only when declared literally ("203.0.113.7", "[2001:db8::1]"). Ports are not part of a
 * permission. `hostname` must come from the WHATWG URL parser (lower-cased, punycode, canonical IPs).
 */
export function isHostPermitted(hostname: string, permitted: readonly string[]): boolean {
  const host = normalize(hostname);
  if (!host) return false;
  return permitted.some((raw) => {
    const pattern = normalize(raw);
    if (!pattern) return false;
    if (pattern === "*") return raw.trim() === "*";
    if (pattern.startsWith("*.")) {
      const suffix = pattern.slice(1); // ".example.com"
      return suffix.length > 1 && host.endsWith(suffix) && host.length > suffix.length;
    }
    return host === pattern;
  });
}

function normalize(name: string): string {
  let value = name.trim().toLowerCase();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  // "example.com." and "example.com" are the same host.
  if (value.endsWith(".")) value = value.slice(0, -1);
  return value;
}
