import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { HttpRequestInit, HttpResponse } from "../context";

/**
 * A recorded request → response pair. A fixture file is a JSON array of these. `request.body` as an object is
 * compared as JSON (key order ignored); `request.headers` must be present with these values (names
 * case-insensitive), other headers are ignored. A fixture answers once unless `repeat` is true.
 */
export type HttpFixture = {
  request: { method?: string; url: string; headers?: Record<string, string>; body?: string | Record<string, unknown> | unknown[] };
  response: { status?: number; statusText?: string; headers?: Record<string, string>; body?: unknown };
  repeat?: boolean;
};

export type RecordedRequest = { method: string; url: string; headers: Record<string, string>; body: string | undefined };

/** A request no fixture matches: the test fails with the request, so the author can record it. */
export class UnmatchedRequestError extends Error {
  override name = "UnmatchedRequestError";
  constructor(
    readonly request: RecordedRequest,
    fixtures: HttpFixture[],
  ) {
    const known = fixtures.map((f) => `  ${(f.request.method ?? "GET").toUpperCase()} ${f.request.url}`).join("\n") || "  (none)";
    super(`No fixture matches ${request.method} ${request.url}\n  headers: ${JSON.stringify(request.headers)}\n  body: ${request.body ?? "(none)"}\nFixtures:\n${known}`);
  }
}

export function loadFixtures(file: string | URL): HttpFixture[] {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(data)) throw new Error(`${String(file)}: a fixture file is a JSON array of { request, response }`);
  return data as HttpFixture[];
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function bodyMatches(expected: HttpFixture["request"]["body"], actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (typeof expected === "string") return expected === actual;
  try {
    return isDeepStrictEqual(expected, JSON.parse(actual ?? ""));
  } catch {
    return false;
  }
}

function matches(f: HttpFixture, r: RecordedRequest): boolean {
  if ((f.request.method ?? "GET").toUpperCase() !== r.method || f.request.url !== r.url) return false;
  const want = lowerKeys(f.request.headers ?? {});
  return Object.entries(want).every(([k, v]) => r.headers[k] === v) && bodyMatches(f.request.body, r.body);
}

/** A ctx.http backed by fixtures, shaped like the sandbox's (see integrations/runtime/README.md). */
export function fixtureHttp(fixtures: HttpFixture[]) {
  const requests: RecordedRequest[] = [];
  const used = new Set<HttpFixture>();
  async function fetch(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
    const headers = lowerKeys(Array.isArray(init.headers) ? Object.fromEntries(init.headers) : (init.headers ?? {}));
    const request: RecordedRequest = { method: (init.method ?? "GET").toUpperCase(), url, headers, body: init.body };
    requests.push(request);
    const fixture = fixtures.find((f) => (f.repeat || !used.has(f)) && matches(f, request));
    if (!fixture) throw new UnmatchedRequestError(request, fixtures);
    used.add(fixture);
    const { status = 200, statusText = "", body } = fixture.response;
    const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    const responseHeaders = lowerKeys({ ...(typeof body === "object" && body !== null ? { "content-type": "application/json" } : {}), ...fixture.response.headers });
    return Object.freeze({
      status, statusText, ok: status >= 200 && status < 300, redirected: false, url, headers: Object.freeze(responseHeaders),
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
    });
  }
  return { http: { fetch }, requests, unused: () => fixtures.filter((f) => !used.has(f)) };
}
