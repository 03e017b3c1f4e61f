import { defineAction } from "@junction/sdk";
import { z } from "zod";
import { createClient } from "../common/client";

/**
 * The server answered with a status outside 200–299 and the step asked to fail on that. 429 and 5xx may pass
 * (retryable, after Retry-After when the server sent one); any other status will be the same next time.
 */
export class HttpStatusError extends Error {
  override name = "HttpStatusError";
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  constructor(
    readonly status: number,
    message: string,
    retryAfter?: string,
  ) {
    super(message);
    this.retryable = status === 429 || status >= 500;
    const after = this.retryable ? retryAfterMs(retryAfter) : undefined;
    if (after !== undefined) this.retryAfterMs = after;
  }
}

/** Retry-After as delay-seconds or an HTTP date; anything else is ignored (the step's own backoff applies). */
function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d{1,6}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

// A regex, not z.url(): zod's URL check needs the URL class, which the sandbox does not have.
const url = z.string().regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, "must be an http:// or https:// URL");
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const sendRequest = defineAction({
  key: "send_request",
  name: "Send HTTP request",
  description: "Calls any HTTP endpoint and returns its status, headers and parsed body.",
  input: z.object({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]).default("GET"),
    url,
    headers: z.record(z.string(), z.string()).default({}),
    query: z.record(z.string(), z.union([scalar, z.array(scalar)])).default({}),
    body: z
      .discriminatedUnion("type", [
        z.object({ type: z.literal("none") }),
        z.object({ type: z.literal("json"), data: z.unknown() }),
        z.object({ type: z.literal("form"), data: z.record(z.string(), z.unknown()) }),
        z.object({ type: z.literal("raw"), data: z.string(), contentType: z.string().default("text/plain") }),
      ])
      .default({ type: "none" }),
    /** auto: JSON when the response says so (content-type), text otherwise. */
    responseType: z.enum(["auto", "json", "text"]).default("auto"),
    failOnHttpError: z.boolean().default(true),
  }),
  output: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.unknown() }),
  async run(ctx) {
    const { input } = ctx;
    const response = await createClient(ctx).send(input);
    const text = await response.text();
    if (input.failOnHttpError && !response.ok) {
      const message = `HTTP ${response.status} ${response.statusText} from ${input.method} ${input.url}: ${text.slice(0, 500)}`;
      throw new HttpStatusError(response.status, message, response.headers["retry-after"]);
    }
    const isJson = input.responseType === "json" || (input.responseType === "auto" && /[/+]json\b/i.test(response.headers["content-type"] ?? ""));
    let body: unknown = text;
    if (isJson && text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`The response of ${input.method} ${input.url} is not valid JSON (status ${response.status}); set responseType to "text" to keep it as text.`);
      }
    }
    return { status: response.status, headers: { ...response.headers }, body };
  },
});
