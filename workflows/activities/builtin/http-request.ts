import { readCappedBody } from "../../http/capped-body";
import { ActionError, type ActionContext, type ActionResult } from "../executor";

const RESPONSE_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * core.http_request: one HTTP call. Sends the step's idempotency key as Idempotency-Key so a retried step
 * (worker crash, timeout) can be deduplicated by the receiver. 5xx and network errors are retryable; 4xx not.
 */
export async function httpRequest(input: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
  const url = String(input.url ?? "");
  if (!/^https?:\/\//.test(url)) throw new ActionError(`"${url}" is not an http(s) URL`, "ValidationError", false);
  const method = String(input.method ?? "GET").toUpperCase();
  const headers = new Headers((input.headers as Record<string, string> | undefined) ?? {});
  headers.set("idempotency-key", ctx.idempotencyKey);
  let body: string | undefined;
  if (input.body !== undefined && method !== "GET" && method !== "HEAD") {
    body = typeof input.body === "string" ? input.body : JSON.stringify(input.body);
    if (!headers.has("content-type")) headers.set("content-type", typeof input.body === "string" ? "text/plain" : "application/json");
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, signal: ctx.signal, redirect: "follow" });
  } catch (err) {
    throw new ActionError(`Request to ${url} failed: ${(err as Error).message}`, "NetworkError", true);
  }
  // Read no further than the limit: response.text() read an endless answer whole before its size was checked.
  const read = await readCappedBody(response, RESPONSE_LIMIT_BYTES);
  if (!read.ok) throw new ActionError(`Response above ${RESPONSE_LIMIT_BYTES} bytes`, "ResponseTooLarge", false);
  const text = new TextDecoder().decode(read.bytes);
  let parsed: unknown = text;
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text: a server that mislabels its body should not fail the step
    }
  }
  if (response.status >= 400) {
    const status = response.status;
    const retryable = status >= 500 || status === 429;
    const category = status === 429 ? "rate_limited" : status >= 500 ? "upstream_5xx" : "upstream_4xx";
    const failure = { retryable, category, reason: `the service answered ${status}` } as const;
    throw ActionError.classified(`${method} ${url} answered ${status}`, retryable ? "HttpServerError" : "HttpClientError", failure);
  }
  const output = { status: response.status, headers: Object.fromEntries(response.headers), body: parsed };
  return { output, usage: { netBytes: (body?.length ?? 0) + text.length } };
}
