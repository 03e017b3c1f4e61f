import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { HttpRequestInit, HttpResponse } from "../context";
import type { HttpFixture, RecordedRequest } from "./fixtures";

// Never written into a fixture file: fixtures are committed, credentials are not.
const SECRET_REQUEST_HEADERS = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key", "api-key"]);
const DROPPED_RESPONSE_HEADERS = new Set(["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/**
 * A ctx.http that calls the real service (record mode) and keeps every exchange as a fixture; `save(file)`
 * writes them in the format loadFixtures reads. Credential headers are left out of the saved requests (replay
 * does not need them to match) and bodies that are JSON are stored as JSON, so the file reads well in review.
 */
export function recordingHttp() {
  const fixtures: HttpFixture[] = [];
  const requests: RecordedRequest[] = [];
  async function fetchAndRecord(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
    const headerList = Array.isArray(init.headers) ? init.headers : Object.entries(init.headers ?? {});
    const headers = Object.fromEntries(headerList.map(([k, v]) => [k.toLowerCase(), String(v)]));
    const method = (init.method ?? "GET").toUpperCase();
    requests.push({ method, url, headers, body: init.body });
    const res = await fetch(url, { method, headers, body: init.body, redirect: init.redirect ?? "follow" });
    const text = await res.text();
    const responseHeaders = Object.fromEntries([...res.headers].filter(([k]) => !DROPPED_RESPONSE_HEADERS.has(k)));
    fixtures.push({
      request: {
        method,
        url,
        headers: Object.fromEntries(Object.entries(headers).filter(([k]) => !SECRET_REQUEST_HEADERS.has(k))),
        ...(init.body === undefined ? {} : { body: asJson(init.body) ?? init.body }),
      },
      response: { status: res.status, statusText: res.statusText, headers: responseHeaders, body: asJson(text) ?? text },
    });
    return Object.freeze({
      status: res.status, statusText: res.statusText, ok: res.ok, redirected: res.redirected, url: res.url,
      headers: Object.freeze(Object.fromEntries(res.headers)),
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
    });
  }
  return {
    http: { fetch: fetchAndRecord },
    requests,
    fixtures,
    save(file: string | URL) {
      const path = typeof file === "string" ? file : fileURLToPath(file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(fixtures, null, 2)}\n`);
    },
  };
}

function asJson(text: string): Record<string, unknown> | unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown> | unknown[]) : undefined;
  } catch {
    return undefined;
  }
}
