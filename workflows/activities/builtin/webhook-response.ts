import { ActionError, type ActionResult } from "../executor";

/** The answer a sync webhook gives its caller, as the step's output; the web process reads it from the step record. */
export type WebhookReply = { status: number; headers: Record<string, string>; body: unknown };

const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

/** core.webhook_response: checks and shapes the reply; a sync webhook answers with the first one a run produces. */
export function webhookResponse(input: Record<string, unknown>): ActionResult {
  const status = input.status === undefined || input.status === "" ? 200 : Number(input.status);
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new ActionError(`status must be an HTTP status from 200 to 599, got ${JSON.stringify(input.status)}`, "ValidationError", false);
  const headers: Record<string, string> = {};
  const given = input.headers ?? {};
  if (typeof given !== "object" || Array.isArray(given)) throw new ActionError("headers must be an object of header names to values", "ValidationError", false);
  for (const [k, v] of Object.entries(given as Record<string, unknown>)) {
    if (!HEADER.test(k)) throw new ActionError(`"${k}" is not a valid header name`, "ValidationError", false);
    headers[k.toLowerCase()] = String(v);
  }
  const reply: WebhookReply = { status, headers, body: input.body ?? null };
  return { output: reply };
}
