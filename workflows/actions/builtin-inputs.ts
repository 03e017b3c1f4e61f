/**
 * The JSON Schemas of the built-in actions' inputs. The engine checks a saved graph against them (like an
 * integration's manifest) and the editor draws the step's form from them, so both say the same thing about the
 * same value. They describe what the executors in workflows/activities/builtin accept, no more: any string may
 * also be a template, resolved at run time, where the executor has the last word.
 */
type Schema = Record<string, unknown>;

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const headers = (description: string): Schema => ({ type: "object", title: "Headers", description, additionalProperties: { type: "string" } });

export const HTTP_REQUEST_INPUT: Schema = {
  type: "object",
  required: ["url"],
  properties: {
    url: { type: "string", title: "URL", description: "An http:// or https:// address; text and references can be mixed.", pattern: "^https?://" },
    method: { type: "string", title: "Method", enum: HTTP_METHODS, default: "GET" },
    headers: headers("Sent with the request; an Idempotency-Key header is added for retries."),
    body: { title: "Body", description: "Text is sent as text/plain, anything else as JSON (not sent with GET or HEAD)." },
  },
};

export const SET_INPUT: Schema = {
  type: "object",
  description: "Each name becomes a field of the step's output; values can be text, numbers, JSON or references.",
  additionalProperties: {},
};

export const WEBHOOK_RESPONSE_INPUT: Schema = {
  type: "object",
  properties: {
    status: { type: "integer", title: "Status", minimum: 200, maximum: 599, default: 200, description: "The HTTP status the caller gets, 200 to 599." },
    headers: headers("Response headers."),
    body: { title: "Body", description: "The response body: text or JSON." },
  },
};

export const FAIL_INPUT: Schema = {
  type: "object",
  required: ["message"],
  properties: {
    message: { type: "string", title: "Message", description: "The error the run records." },
    type: { type: "string", title: "Error type", description: "The error's class, e.g. ValidationError (retry settings can name types never to retry). Default ActionError." },
    retryable: { type: "boolean", title: "Retryable", default: true, description: "Whether the step's retry settings apply." },
  },
};
