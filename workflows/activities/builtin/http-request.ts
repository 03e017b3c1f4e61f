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
  const text = await readCapped(response, RESPONSE_LIMIT_BYTES);
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

/**
 * The body as text, read no further than `max` bytes: refused at once when Content-Length says more, and the
 * stream cancelled the moment it passes the limit. Reading it whole first (response.text()) let a server that
 * streams without end fill the worker's memory before the size was checked.
 */
async function readCapped(response: Response, max: number): Promise<string> {
  const tooLarge = () => new ActionError(`Response above ${max} bytes`, "ResponseTooLarge", false);
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
