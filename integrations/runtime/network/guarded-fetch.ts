import { SandboxNetworkError } from "../errors";
import { isHostPermitted } from "./host-permission";
import { BudgetExceeded, httpHop, type HopRequest } from "./http-hop";
import { networkFailureKind } from "./failure-kind";
import { FetchFailure, shapeRequest, type FetchInit } from "./request-shape";
import { DnsFailure, resolvePinned, type Resolver } from "./resolve";

export type FetchPolicy = { permitted: readonly string[]; allowLoopback: boolean; resolver: Resolver; maxRedirects: number };

/** The execution's fetch budget; its methods throw SandboxLimitError when a limit is passed. */
export interface FetchMeter {
  startRequest(): void;
  addBytes(bytes: number): void;
  remainingBytes(): number;
}

export type GuardedResponse = { status: number; statusText: string; headers: Record<string, string>; url: string; redirected: boolean; body: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CROSS_ORIGIN_DROP = ["authorization", "cookie", "proxy-authorization"];

/**
 * fetch for guests. Every hop (the first request and each redirect, followed here by hand) is checked the same
 * way: http(s) only, no credentials in the URL, host declared, every resolved address public, connection pinned
 * to the checked address. Throws SandboxNetworkError for policy refusals, SandboxLimitError via `meter`, and
 * FetchFailure (a TypeError for the guest) for ordinary network trouble.
 */
export async function guardedFetch(rawUrl: unknown, init: FetchInit | undefined, policy: FetchPolicy, meter: FetchMeter, signal: AbortSignal): Promise<GuardedResponse> {
  let url = parseUrl(String(rawUrl));
  const shaped = shapeRequest(init);
  let { method, headers, body } = shaped;
  for (let hop = 0; ; hop++) {
    checkUrl(url, policy.permitted);
    const pinned = await pinOrFail(url.hostname, policy);
    meter.startRequest();
    if (body) meter.addBytes(body.length);
    const response = await hopOrFail({ url, method, headers, body }, pinned, meter, signal);
    meter.addBytes(response.body.length);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || location === undefined || shaped.redirect === "manual") {
      return { status: response.status, statusText: response.statusText, headers: response.headers, url: url.href, redirected: hop > 0, body: response.body.toString("utf8") };
    }
    if (shaped.redirect === "error") throw new FetchFailure(`fetch failed: ${url.href} redirected and redirect is "error"`);
    if (hop >= policy.maxRedirects) throw new FetchFailure(`fetch failed: more than ${policy.maxRedirects} redirects`);
    const next = parseUrl(location, url);
    // Same rules as WHATWG fetch: 303 (and 301/302 after POST) become a bodiless GET.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = method === "HEAD" ? "HEAD" : "GET";
      body = undefined;
      headers = withoutHeaders(headers, ["content-length", "content-type"]);
    }
    // Credentials meant for one origin must not follow a redirect to another.
    if (next.origin !== url.origin) headers = withoutHeaders(headers, CROSS_ORIGIN_DROP);
    url = next;
  }
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FetchFailure(`fetch failed: invalid URL ${JSON.stringify(text.slice(0, 200))}`);
  }
}

function checkUrl(url: URL, permitted: readonly string[]): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SandboxNetworkError("scheme", `Refused ${url.protocol.slice(0, 20)} URL: only http and https are allowed.`);
  }
  if (url.username || url.password) {
    throw new SandboxNetworkError("credentials", `Refused ${url.host}: credentials in the URL are not allowed; send an Authorization header.`);
  }
  if (!isHostPermitted(url.hostname, permitted)) {
    throw new SandboxNetworkError("permission", `Refused ${url.hostname}: not in the integration's declared network permissions.`);
  }
}

async function pinOrFail(hostname: string, policy: FetchPolicy) {
  try {
    return await resolvePinned(hostname, policy);
  } catch (error) {
    if (error instanceof DnsFailure) throw new FetchFailure(`fetch failed: ${error.message}`, networkFailureKind(error.code));
    throw error;
  }
}

async function hopOrFail(request: HopRequest, pinned: Awaited<ReturnType<typeof resolvePinned>>, meter: FetchMeter, signal: AbortSignal) {
  const budget = meter.remainingBytes();
  try {
    return await httpHop(request, pinned, budget, signal);
  } catch (error) {
    // Report the breach through the meter so the error (and its wording) is the same as every other byte limit.
    if (error instanceof BudgetExceeded) meter.addBytes(budget + 1);
    const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
    const reason = error instanceof Error ? code ?? error.message : "unknown error";
    throw new FetchFailure(`fetch failed: ${request.url.host}: ${String(reason).slice(0, 200)}`, networkFailureKind(code));
  }
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}
