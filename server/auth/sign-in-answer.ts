import { AsyncLocalStorage } from "node:async_hooks";

// next-auth turns every error from `authorize` into a 401 naming it. What it cannot say is "wait": this carries
// the wait from authorize back out to the route, which answers 429 with Retry-After instead.
const pending = new AsyncLocalStorage<{ retryAfterS?: number }>();

/** Called from `authorize`: the attempt was refused until `seconds` from now. */
export function mustWait(seconds: number): void {
  const store = pending.getStore();
  if (store) store.retryAfterS = seconds;
}

/**
 * Runs next-auth's handler; when authorize refused for a while, its JSON answer (which the sign-in form reads
 * the message from) becomes a 429 with Retry-After. A redirect (a form posted without JavaScript) stays one.
 */
export async function answeringWaitsWith429(handle: () => Promise<Response>): Promise<Response> {
  const store: { retryAfterS?: number } = {};
  const res = await pending.run(store, handle);
  if (store.retryAfterS === undefined || (res.status >= 300 && res.status < 400)) return res;
  const headers = new Headers(res.headers);
  headers.set("retry-after", String(store.retryAfterS));
  return new Response(res.body, { status: 429, statusText: "Too Many Requests", headers });
}
