// Only the fetch guard's pure address policy (no isolates, no processes): one definition of "private address".
// eslint-disable-next-line no-restricted-imports
import { SandboxNetworkError } from "../../../integrations/runtime/errors";
// eslint-disable-next-line no-restricted-imports
import { resolvePinned, systemResolver } from "../../../integrations/runtime/network/resolve";

/**
 * Token endpoints are user-supplied URLs the platform POSTs client secrets and refresh tokens to, from inside
 * the network: the same address policy as the sandbox's fetch applies (no loopback, private, link-local or
 * metadata addresses; every resolved address is checked). Loopback is allowed only under NODE_ENV=test, for
 * the oidc-provider tests. Checked before each request; a host that rebinds between this check and the request
 * is a residual risk the sandbox's pinned fetch does not have.
 */
/** Why the platform must not call this token endpoint, or null when it may. */
export async function tokenEndpointProblem(tokenUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(tokenUrl);
  } catch {
    return "The token endpoint is not a valid URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The token endpoint must be an http(s) URL.";
  try {
    await resolvePinned(url.hostname, { resolver: systemResolver, allowLoopback: process.env.NODE_ENV === "test" });
    return null;
  } catch (error) {
    if (error instanceof SandboxNetworkError) return `Refused the token endpoint ${url.host}: ${error.message.replace(/^Refused to connect to [^:]+: /, "")}`;
    return `Could not resolve the provider's token endpoint at ${url.host}.`;
  }
}
